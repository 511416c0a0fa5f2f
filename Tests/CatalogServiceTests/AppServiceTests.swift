import CatalogModel
@testable import CatalogService
import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

@Suite struct AppServiceTests {
    let examples = PackagePaths.root.appendingPathComponent("examples").path

    /// A new catalog on `engine` and the app service on it.
    static func open(_ engine: Engine) throws -> (SQLCatalogRepository, AppService) {
        let store = try engine.newCatalog()
        return (store, AppService(repository: store))
    }

    func outcomes(_ results: [AppService.SynthResult]) -> [String] {
        results.map { result in
            switch result.outcome {
            case let .success(recorded): "\(result.app) \(result.region) v\(recorded.version.version) \(recorded.isNew ? "new" : "unchanged")"
            case let .failure(failure): "\(result.app) \(result.region) failed: \(failure)"
            }
        }
    }

    @Test(arguments: Engine.available) func applyingTheSameSpecsTwiceChangesNothing(engine: Engine) throws {
        let (store, apps) = try Self.open(engine)
        let first = try apps.apply(paths: [examples])
        #expect(first.count == 13 && first.allSatisfy { $0.change == .created })
        let second = try apps.apply(paths: [examples])
        #expect(second.allSatisfy { $0.change == .unchanged })
        #expect(try store.apps().map(\.specRevision) == Array(repeating: 1, count: 13))
    }

    @Test(arguments: Engine.available) func synthStoresANewVersionOnlyWhenTheTemplateChanges(engine: Engine) throws {
        let (store, apps) = try Self.open(engine)
        _ = try apps.apply(paths: [examples])
        let first = try apps.synth(apps: [])
        #expect(first.count == 15)
        #expect(outcomes(first).allSatisfy { $0.hasSuffix("v1 new") })
        #expect(outcomes(try apps.synth(apps: [])).allSatisfy { $0.hasSuffix("v1 unchanged") })

        // A catalog change reaches exactly the templates built from the changed profile.
        try store.update(origin: "test") { catalog in
            catalog.profiles["us.anthropic.claude-haiku-4-5-20251001-v1:0"]?.routes["us-east-1"]?.append("us-west-1")
        }
        let changed = outcomes(try apps.synth(apps: [])).filter { $0.hasSuffix("new") }
        #expect(changed == ["support-chat us-east-1 v2 new"])
        let versions = try apps.versions(app: "support-chat")
        #expect(versions.map { "\($0.region) v\($0.version) rev \($0.catalogRevision)" }
            == ["eu-west-1 v1 rev 1", "us-east-1 v1 rev 1", "us-east-1 v2 rev 2"])
    }

    @Test(arguments: Engine.available) func templatesAreReadByRegionAndVersion(engine: Engine) throws {
        let (_, apps) = try Self.open(engine)
        _ = try apps.apply(paths: [examples])
        _ = try apps.synth(apps: ["support-chat"])
        let latest = try apps.template(app: "support-chat", region: "eu-west-1", version: nil)
        #expect(latest.version == 1 && latest.region == "eu-west-1")
        #expect(latest.body.contains("eu.anthropic.claude-haiku-4-5-20251001-v1:0"))
        #expect(try apps.template(app: "support-chat", region: nil, version: 1).region == "us-east-1")
        #expect(throws: AppError.unknownVersion(app: "support-chat", region: "us-east-1", version: 7, latest: 1)) {
            try apps.template(app: "support-chat", region: "us-east-1", version: 7)
        }
        #expect(throws: AppError.unknownRegion(app: "support-chat", region: "ap-south-1", regions: ["eu-west-1", "us-east-1"])) {
            try apps.template(app: "support-chat", region: "ap-south-1", version: nil)
        }
        #expect(throws: AppError.noTemplates(app: "analytics-profile")) {
            try apps.template(app: "analytics-profile", region: nil, version: nil)
        }
    }

    @Test(arguments: Engine.available) func whichAppsUseWhichModels(engine: Engine) throws {
        let (_, apps) = try Self.open(engine)
        _ = try apps.apply(paths: [examples])
        _ = try apps.synth(apps: [])
        #expect(try apps.apps(matching: .init(model: "amazon.nova-pro-v1:0")).map(\.name)
            == ["claims-batch", "finance-reporting-profile", "month-end-assistant"])
        #expect(try apps.modelUsage()["anthropic.claude-sonnet-4-5-20250929-v1:0"]
            == ["analytics-profile", "analytics-sql-assistant", "document-summarizer"])
        #expect(throws: CatalogError.self) { try apps.apps(matching: .init(model: "amazon.nova-pro")) }
    }

    @Test(arguments: Engine.available) func appsUsingASageMakerModelAreFoundByItsName(engine: Engine) throws {
        let (store, apps) = try Self.open(engine)
        // Given an app whose latest template was built from a SageMaker model of the catalog
        _ = try apps.apply(paths: [examples])
        try store.update(origin: "test") { catalog in
            catalog.sagemakerModels["churn-xgboost"] = SageMakerModel(
                name: "churn-xgboost", image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7")
        }
        let app = try #require(try store.apps().first)
        _ = try store.recordTemplates([TemplateCandidate(
            app: app.name, region: app.spec.regions[0], sha256: String(repeating: "a", count: 64), compactBody: "{}",
            catalogRevision: 2, specRevision: app.specRevision,
            dependencies: TemplateDependencies(sagemakerModels: ["churn-xgboost"], regions: [app.spec.regions[0]]))])
        // Then listing by its name finds that app, and only that one
        #expect(try apps.apps(matching: .init(model: "churn-xgboost")).map(\.name) == [app.name])
        // And a mistyped name is suggested names of SageMaker and Bedrock models
        #expect(throws: CatalogError.unknownModel(id: "churn-xgbost", suggestions: ["churn-xgboost"])) {
            try apps.apps(matching: .init(model: "churn-xgbost"))
        }
    }

    @Test(arguments: Engine.available) func aDeletedAppLeavesTheListsButKeepsItsHistory(engine: Engine) throws {
        let (_, apps) = try Self.open(engine)
        _ = try apps.apply(paths: [examples])
        _ = try apps.synth(apps: [])
        try apps.delete("partner-gateway")
        #expect(!(try apps.apps()).map(\.name).contains("partner-gateway"))
        #expect(try apps.modelUsage()["amazon.nova-lite-v1:0"] == nil)
        #expect(try apps.versions(app: "partner-gateway").count == 1)
        #expect(throws: AppError.self) { try apps.delete("partner-gateway") }
        let restored = try apps.apply(paths: [PackagePaths.root.appendingPathComponent("examples/partner-gateway.yaml").path])
        #expect(restored.map(\.change) == [.restored])
    }

    @Test(arguments: Engine.available) func exportHasOneTemplatePerAppAndRegion(engine: Engine) throws {
        let (_, apps) = try Self.open(engine)
        _ = try apps.apply(paths: [examples])
        _ = try apps.synth(apps: [])
        let current = try apps.exportPlan(apps: ["support-chat"]).current
        #expect(current.map { "\($0.app)/\($0.region)" } == ["support-chat/eu-west-1", "support-chat/us-east-1"])
        #expect(current[0].body == (try apps.template(app: "support-chat", region: "eu-west-1", version: nil)).body)
    }

    @Test(arguments: Engine.available) func anInvalidSpecStoresNothingAndNamesEveryProblem(engine: Engine) throws {
        let (store, apps) = try Self.open(engine)
        let folder = try TemporaryDirectory()
        let good = folder.path("a-good.yaml"), bad = folder.path("b-bad.yaml")
        try String(contentsOfFile: PackagePaths.root.appendingPathComponent("examples/support-chat.yaml").path, encoding: .utf8)
            .write(toFile: good, atomically: true, encoding: .utf8)
        try """
            name: broken
            team: cx
            pattern: application-inference-profile
            regions: [us-east-1]
            properties:
              modelSource: { foundationModel: amazon.nova-pro-v1:0 }
            ---
            name: broken-too
            team: cx
            pattern: lambda-bedrock-inference-profil
            regions: [us-east-1]
            """.write(toFile: bad, atomically: true, encoding: .utf8)
        #expect {
            try apps.apply(paths: [folder.url.path])
        } throws: { error in
            // Document 2 cannot be read, and that does not hide document 1's problem: both are reported.
            "\(error)" == "\(bad): document 1 (app \"broken\") regions[0] (line 4): model \"amazon.nova-pro-v1:0\" is "
                + "offered in \"us-east-1\" only through inference profiles, not on demand; use a cross-Region profile "
                + "(leave out --single-region; in a spec, deployCrossRegionProfile: true, modelSource.crossRegion or crossRegion: true); "
                + "profiles: us.amazon.nova-pro-v1:0\n"
                + "\(bad): document 2: pattern (line 10): \"lambda-bedrock-inference-profil\" is not allowed; use one of "
                + "\"lambda-bedrock-inference-profile\", \"application-inference-profile\", \"bedrock-prompt\", \"bedrock-agent\", \"lambda-sagemaker-endpoint\", \"bedrock-batch-stepfn\""
        }
        #expect(try store.apps().isEmpty)
    }

    @Test(arguments: Engine.available) func aSpecTheCatalogCannotServeIsReportedPerRegion(engine: Engine) throws {
        let (_, apps) = try Self.open(engine)
        let folder = try TemporaryDirectory()
        let file = folder.path("spec.yaml")
        try """
            name: eu-only
            team: cx
            pattern: application-inference-profile
            regions: [us-east-1]
            properties:
              modelSource: { foundationModel: amazon.nova-pro-v1:0 }
            """.write(toFile: file, atomically: true, encoding: .utf8)
        #expect {
            try apps.apply(paths: [file])
        } throws: { error in
            "\(error)" == "\(file): (app \"eu-only\") regions[0] (line 4): model \"amazon.nova-pro-v1:0\" is offered in "
                + "\"us-east-1\" only through inference profiles, not on demand; use a cross-Region profile (leave "
                + "out --single-region; in a spec, deployCrossRegionProfile: true, modelSource.crossRegion or crossRegion: true); "
                + "profiles: us.amazon.nova-pro-v1:0"
        }
    }

    @Test(arguments: Engine.available) func anAppMayUseAnotherAppsProfile(engine: Engine) throws {
        let (_, apps) = try Self.open(engine)
        _ = try apps.apply(paths: [examples])
        _ = try apps.synth(apps: [])
        let template = try apps.template(app: "analytics-sql-assistant", region: nil, version: nil)
        #expect(template.dependencies.apps == ["analytics-profile"])
        #expect(template.body.contains("\"Fn::ImportValue\" : \"deploycat-analytics-profile-InferenceProfileArn\""))
        #expect(!template.body.contains("AWS::Bedrock::ApplicationInferenceProfile"))
        #expect(throws: AppError.profileInUse(app: "analytics-profile", users: ["analytics-sql-assistant"])) {
            try apps.delete("analytics-profile")
        }
    }

    @Test(arguments: Engine.available) func aLegacyModelIsAppliedWithAWarning(engine: Engine) throws {
        let (_, apps) = try Self.open(engine)
        let folder = try TemporaryDirectory()
        let file = folder.path("legacy.yaml")
        try """
            name: old-bot
            team: cx
            pattern: application-inference-profile
            regions: [us-east-1]
            properties:
              modelSource: { crossRegion: { geography: us, model: anthropic.claude-3-5-haiku-20241022-v1:0 } }
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let applied = try apps.apply(paths: [file])
        #expect(applied.map(\.change) == [.created])
        let warnings = try #require(applied.first?.warnings)
        #expect(warnings.count == 2)
        #expect(warnings[0].hasPrefix("in us-east-1: model \"anthropic.claude-3-5-haiku-20241022-v1:0\" is LEGACY"))
        #expect(warnings[1] == "in us-east-1: profile \"us.anthropic.claude-3-5-haiku-20241022-v1:0\" is no longer "
            + "listed by AWS (last seen 2026-06-17); calls may fail")
        let synth = try apps.synth(apps: ["old-bot"])
        #expect(synth.first?.warnings.count == 2)
    }

    @Test(arguments: Engine.available) func aCatalogChangeNamesTheTemplatesBuiltFromIt(engine: Engine) throws {
        let (store, apps) = try Self.open(engine)
        _ = try apps.apply(paths: [examples])
        _ = try apps.synth(apps: [])
        let folder = try TemporaryDirectory()
        let file = folder.path("route.yaml")
        try """
            profiles:
              - id: us.anthropic.claude-haiku-4-5-20251001-v1:0
                routes:
                  us-east-1: [us-east-1, us-east-2, us-west-1, us-west-2]
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try ModelCatalogService(repository: store).apply(file: file)
        #expect(result.affectedTemplates.map { "\($0.app) \($0.region)" } == ["support-chat us-east-1"])
        let synth = try apps.synth(apps: ["support-chat"])
        #expect(outcomes(synth) == ["support-chat us-east-1 v2 new", "support-chat eu-west-1 v1 unchanged"])
    }
}
