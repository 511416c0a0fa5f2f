import CatalogModel
@testable import CatalogService
import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// Monthly cost per Region from the spec's usage and the catalog's on-demand prices.
@Suite struct CostEstimateTests {
    let folder = try! TemporaryDirectory()
    let apps = AppService(repository: try! SQLiteCatalog.inMemory())

    func apply(model: String, usage: String) throws {
        let file = folder.path("spec.yaml")
        try """
            name: estimate
            team: cx
            pattern: application-inference-profile
            regions: [us-east-1, us-west-2]
            usage: \(usage)
            properties:
              modelSource: { crossRegion: { geography: us, model: \(model) } }
            """.write(toFile: file, atomically: true, encoding: .utf8)
        _ = try apps.apply(paths: [file])
    }

    /// Nova Pro, 30,000 requests of 10,000 input and 1,000 output tokens: $336 a month on demand
    /// (the figure the batch construct's documentation gives for the same usage).
    @Test func eachRegionCostsWhatItsUsageDoesAtTheModelsPrice() throws {
        try apply(model: "amazon.nova-pro-v1:0",
                  usage: "{ requestsPerMonth: 30000, inputTokensPerRequest: 10000, outputTokensPerRequest: 1000 }")
        let estimate = try apps.costEstimate(app: "estimate")
        #expect(estimate.regions.map(\.region) == ["us-east-1", "us-west-2"])
        #expect(estimate.regions.map(\.monthly) == [336, 336])
        #expect(estimate.regions.first?.onDemand.inputPer1k == Decimal(string: "0.0008"))
        #expect(estimate.regions.allSatisfy { $0.batch == nil } && estimate.onDemandMonthlyTotal == nil)
        #expect(estimate.monthlyTotal == 672)
    }

    @Test func aModelWithoutAPriceIsNotFree() throws {
        try apply(model: "amazon.nova-pro-v1:0",
                  usage: "{ requestsPerMonth: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 }")
        var estimate = try apps.costEstimate(app: "estimate")
        #expect(estimate.monthlyTotal != nil)
        estimate = CostEstimate(app: try apps.app("estimate").spec, usage: estimate.usage, model: "m", found: nil,
                                runsBatchJobs: false)
        #expect(estimate.monthlyTotal == nil && estimate.regions.allSatisfy { $0.monthly == nil })
        // In JSON an unknown price is null, not left out.
        let json = String(decoding: try JSONEncoder().encode(estimate), as: UTF8.self)
        #expect(json.contains("\"monthlyTotal\":null") && json.contains("\"inputPer1k\":null"))
    }

    @Test func withoutUsageTheSpecSaysWhatToAdd() throws {
        let file = folder.path("plain.yaml")
        try "name: plain\nteam: cx\npattern: application-inference-profile\nregions: [us-east-1]\nproperties:\n"
            .appending("  modelSource: { crossRegion: { geography: us, model: amazon.nova-pro-v1:0 } }\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        _ = try apps.apply(paths: [file])
        #expect(throws: AppError.noUsage(app: "plain", batch: false)) { try apps.costEstimate(app: "plain") }
        #expect(AppError.noUsage(app: "plain", batch: false).description.contains("usage: { requestsPerMonth: N"))
        #expect(AppError.noUsage(app: "plain", batch: true).description.contains("usage: { jobsPerMonth: N"))
    }

    func applyBatch(model: String = "us.amazon.nova-pro-v1:0", usage: String) throws {
        let file = folder.path("batch.yaml")
        try """
            name: batch
            team: claims
            pattern: bedrock-batch-stepfn
            regions: [us-east-1]
            usage: \(usage)
            properties:
              modelId: \(model)
            """.write(toFile: file, atomically: true, encoding: .utf8)
        _ = try apps.apply(paths: [file])
    }

    /// The batch construct's documented figures: Nova Pro, 300 jobs of 100 records of 10,000
    /// input and 1,000 output tokens: $168 in batch against $336 on demand.
    @Test func batchJobsCostHalfTheOnDemandPrice() throws {
        try applyBatch(usage: "{ jobsPerMonth: 300, recordsPerJob: 100, inputTokensPerRecord: 10000, outputTokensPerRecord: 1000 }")
        let estimate = try apps.costEstimate(app: "batch")
        #expect(estimate.runsBatchJobs && estimate.model == "amazon.nova-pro-v1:0")
        // What the app costs is the batch price; on demand is the comparison.
        #expect(estimate.monthlyTotal == 168 && estimate.onDemandMonthlyTotal == 336)
        #expect(estimate.regions.first?.monthly == 168 && estimate.regions.first?.onDemand.monthly == 336)
        #expect(estimate.regions.first?.batch?.inputPer1k == Decimal(string: "0.0004"))
        let json = String(decoding: try JSONEncoder().encode(estimate), as: UTF8.self)
        #expect(json.contains("\"monthlyTotal\":168") && json.contains("\"onDemandMonthlyTotal\":336"))
    }

    /// Without a listed batch price, a model that takes batch jobs costs half its on-demand price.
    @Test func batchIsHalfTheOnDemandPriceWhereNoBatchPriceIsListed() throws {
        try applyBatch(usage: "{ jobsPerMonth: 300, recordsPerJob: 100, inputTokensPerRecord: 10000, outputTokensPerRecord: 1000 }")
        let spec = try apps.app("batch").spec
        var model = try #require(try DefaultCatalog.snapshot().models["amazon.nova-pro-v1:0"])
        model.price = ModelPrice(inputPer1k: 0.0008, outputPer1k: 0.0032)
        model.batch = true
        let estimate = CostEstimate(app: spec, usage: spec.usage!, model: model.id, found: model, runsBatchJobs: true)
        #expect(estimate.monthlyTotal == 168 && estimate.onDemandMonthlyTotal == 336)
        model.batch = nil
        let unknown = CostEstimate(app: spec, usage: spec.usage!, model: model.id, found: model, runsBatchJobs: true)
        #expect(unknown.monthlyTotal == nil && unknown.onDemandMonthlyTotal == 336)
    }

    /// A text model's missing output price is unknown, not free; an embedding model has none to miss.
    @Test func onlyEmbeddingOutputIsFree() throws {
        try apply(model: "amazon.nova-pro-v1:0",
                  usage: "{ requestsPerMonth: 1000, inputTokensPerRequest: 1000, outputTokensPerRequest: 1000 }")
        let spec = try apps.app("estimate").spec
        var text = try #require(try DefaultCatalog.snapshot().models["amazon.nova-pro-v1:0"])
        text.price = ModelPrice(inputPer1k: 0.001, outputPer1k: nil)
        #expect(CostEstimate(app: spec, usage: spec.usage!, model: text.id, found: text, runsBatchJobs: false).monthlyTotal == nil)
        var embedding = try #require(try DefaultCatalog.snapshot().models["amazon.titan-embed-text-v2:0"])
        embedding.price = ModelPrice(inputPer1k: 0.001, outputPer1k: nil)
        #expect(CostEstimate(app: spec, usage: spec.usage!, model: embedding.id, found: embedding, runsBatchJobs: false)
            .monthlyTotal == 2)
    }

    @Test func appsOnNoCatalogModelSayWhyInsteadOfAskingForUsage() throws {
        let file = folder.path("endpoint.yaml")
        try """
            name: scorer
            team: ml
            pattern: lambda-sagemaker-endpoint
            regions: [us-east-1]
            usage: { requestsPerMonth: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 }
            properties:
              existingSagemakerEndpointName: scoring
              lambdaFunctionProps: { handler: index.handler, runtime: python3.12, code: { inline: "x" } }
            """.write(toFile: file, atomically: true, encoding: .utf8)
        #expect { try apps.apply(paths: [file]) } throws: {
            "\($0)".contains("usage (line 5): does not apply: the app runs a SageMaker endpoint, whose instances SageMaker "
                + "bills by the hour, and calls no Bedrock model; usage is for estimating Bedrock costs")
        }
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "usage: { requestsPerMonth: 1, "
            + "inputTokensPerRequest: 1, outputTokensPerRequest: 1 }\n", with: "")
            .write(toFile: file, atomically: true, encoding: .utf8)
        _ = try apps.apply(paths: [file])
        #expect(throws: AppError.noModel(app: "scorer", pattern: .lambdaSagemakerEndpoint)) { try apps.costEstimate(app: "scorer") }
    }

    @Test func batchUsageIsForBatchAppsAndRequestUsageForTheOthers() throws {
        #expect {
            try applyBatch(usage: "{ requestsPerMonth: 5, jobsPerMonth: 300, recordsPerJob: 100, inputTokensPerRecord: 10 }")
        } throws: { error in
            let text = "\(error)"
            return text.contains("usage.requestsPerMonth (line 5): does not apply: an app that runs batch jobs gives usage as "
                + "{ jobsPerMonth: N, recordsPerJob: N, inputTokensPerRecord: N, outputTokensPerRecord: N }")
                && text.contains("usage.outputTokensPerRecord (line 5): is required: an app that runs batch jobs")
        }
        #expect {
            try apply(model: "amazon.nova-pro-v1:0", usage: "{ jobsPerMonth: 3, requestsPerMonth: 1, inputTokensPerRequest: 1, "
                + "outputTokensPerRequest: 1 }")
        } throws: { "\($0)".contains("usage.jobsPerMonth (line 5): does not apply: an app that calls on demand gives usage as") }
    }

    @Test func negativeUsageIsRefused() throws {
        #expect {
            try apply(model: "amazon.nova-pro-v1:0",
                      usage: "{ requestsPerMonth: -1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 }")
        } throws: { "\($0)".contains("usage.requestsPerMonth (line 5): -1 is outside 0 to 10000000000") }
    }

    /// Each Region's cost is rounded to the cent for its row; the total is the exact sum, rounded once.
    @Test func theTotalIsTheExactSumRoundedOnce() throws {
        // 65.625 a Region: rows show 65.63, two Regions cost 131.25, not 131.26.
        try apply(model: "amazon.nova-pro-v1:0",
                  usage: "{ requestsPerMonth: 65625, inputTokensPerRequest: 1250, outputTokensPerRequest: 0 }")
        let estimate = try apps.costEstimate(app: "estimate")
        #expect(estimate.regions.map(\.monthly) == [Decimal(string: "65.63"), Decimal(string: "65.63")])
        #expect(estimate.monthlyTotal == Decimal(string: "131.25"))
    }
}
