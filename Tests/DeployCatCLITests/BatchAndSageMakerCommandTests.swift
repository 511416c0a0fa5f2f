import CatalogTestSupport
import Foundation
import Testing

/// Batch support and batch prices of models, and SageMaker models, from `catalog apply` to the
/// commands that show them.
@Suite struct BatchAndSageMakerCommandTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    let database: String
    static let image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7"
    static let document = """
        models:
          - id: deepseek.v3.2
            batch: false
        sagemakerModels:
          - name: churn-xgboost
            image: \(image)
            modelDataUrl: s3://ml-artifacts/churn/model.tar.gz
            defaultInstanceType: ml.m5.xlarge
        """

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
        database = deploycat.database
        _ = try deploycat.run("catalog", "geos", "--db", database)
    }

    func run(_ arguments: String...) throws -> DeployCatProcess.Result {
        try deploycat.run(arguments + ["--db", database])
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func applyPreviewsThenStoresBatchFactsAndSageMakerModels() throws {
        let file = try write("catalog.yaml", Self.document)
        let before = try DatabaseFiles.contents(database)
        let preview = try run("catalog", "apply", "-f", file, "--dry-run")
        #expect(preview.stdout == """
            dry run, nothing written: the catalog would get 2 changes
              model deepseek.v3.2 batch supported -> unsupported
              sagemakerModel churn-xgboost added: image \(Self.image)

            """, "\(preview.stderr)")
        #expect(try DatabaseFiles.contents(database) == before)
        #expect(try run("catalog", "sagemaker-models", "--json").stdout == "[]\n")

        let applied = try run("catalog", "apply", "-f", file)
        #expect(applied.stdout.hasPrefix("catalog revision 2: 2 changes\n"), "\(applied.stderr)")
        let table = try run("catalog", "sagemaker-models").stdout.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        #expect(table == ["NAME IMAGE MODEL DATA INSTANCE TYPE DESCRIPTION",
                          "churn-xgboost \(Self.image) s3://ml-artifacts/churn/model.tar.gz ml.m5.xlarge -"])
        let listed = try #require(try json(run("catalog", "sagemaker-models", "--json")) as? [[String: Any]])
        #expect(listed.map { $0["name"] as? String } == ["churn-xgboost"])
        #expect(listed.first?["image"] as? String == Self.image)
        #expect(try run("catalog", "log", "--limit", "1").stdout.contains("sagemakerModel churn-xgboost added"))
        let deepseek = try run("catalog", "model", "deepseek.v3.2").stdout
        #expect(deepseek.contains("batch inference:   no\nbatch (USD/1k):    -\n"))
    }

    @Test func aModelShowsWhetherItTakesBatchJobsAndWhatTheyCost() throws {
        let nova = try run("catalog", "model", "amazon.nova-pro-v1:0").stdout
        #expect(nova.contains("batch inference:   yes\nbatch (USD/1k):    input 0.0004, output 0.0016 (listed)\n"))
        let deepseek = try run("catalog", "model", "deepseek.v3.2").stdout
        #expect(deepseek.contains("batch (USD/1k):    input 0.00031, output 0.000925 (half the on-demand price)\n"))
        let unknown = try run("catalog", "model", "ai21.j2-mid").stdout
        #expect(unknown.contains("batch inference:   unknown\nbatch (USD/1k):    -\n"))

        let detail = try #require(try json(run("catalog", "model", "amazon.nova-pro-v1:0", "--json")) as? [String: Any])
        let batch = try #require(detail["batchPrice"] as? [String: Any])
        #expect(batch["basis"] as? String == "listed")
        #expect(batch["inputPer1k"] as? Double == 0.0004 && batch["outputPer1k"] as? Double == 0.0016)
        #expect((detail["model"] as? [String: Any])?["batch"] as? Bool == true)
        let none = try #require(try json(run("catalog", "model", "ai21.j2-mid", "--json")) as? [String: Any])
        #expect(none["batchPrice"] is NSNull)
    }

    @Test func everyBadFieldIsOneLineAndNothingIsWritten() throws {
        let file = try write("bad.yaml", """
            prices:
              - modelId: amazon.nova-pro-v1:0
                batchInputPer1k: -1
            sagemakerModels:
              - name: churn_xgboost
                image: docker.io/library/xgboost:1.7
                modelDataUrl: https://ml-artifacts/churn/model.tar.gz
                defaultInstanceType: m5.xlarge
            """)
        let before = try DatabaseFiles.contents(database)
        let result = try run("catalog", "apply", "-f", file)
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.errorLines == [
            "Error: \(file): prices[0].batchInputPer1k (line 3): -1.0 is not a price in USD per 1,000 tokens (0 to 1000)",
            "\(file): sagemakerModels[0].name (line 5): \"churn_xgboost\" is not a SageMaker model name: 1 to 63 "
                + "letters, digits and hyphens, starting and ending with a letter or digit",
            "\(file): sagemakerModels[0].image (line 6): \"docker.io/library/xgboost:1.7\" is not an Amazon ECR image "
                + "URI such as \"123456789012.dkr.ecr.us-east-1.amazonaws.com/my-model:1.0\" "
                + "(ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY[:TAG], the repository 2 to 256 lowercase letters, "
                + "digits and . _ - /)",
            "\(file): sagemakerModels[0].modelDataUrl (line 7): \"https://ml-artifacts/churn/model.tar.gz\" is not an "
                + "S3 object URL such as \"s3://my-bucket/models/model.tar.gz\"",
            "\(file): sagemakerModels[0].defaultInstanceType (line 8): \"m5.xlarge\" is not a SageMaker instance type "
                + "such as \"ml.m5.xlarge\"",
        ])
        #expect(try DatabaseFiles.contents(database) == before)

        let unreadable = try write("unreadable.yaml", "models:\n  - id: amazon.titan-text-express-v1\n    batch: maybe\n")
        let refused = try run("catalog", "apply", "-f", unreadable)
        #expect(refused.errorLines == ["Error: \(unreadable): models[0].batch (line 3): expected true or false"])
        #expect(try DatabaseFiles.contents(database) == before)
    }

    @Test func appsListTakesASageMakerModelName() throws {
        _ = try run("catalog", "apply", "-f", try write("catalog.yaml", Self.document))
        let none = try run("apps", "list", "--model", "churn-xgboost", "--json")
        #expect(none.status == 0 && none.stdout == "[]\n", "\(none.stderr)")
        let typo = try run("apps", "list", "--model", "churn-xgbost")
        #expect(typo.status != 0)
        #expect(typo.errorLines == ["Error: model \"churn-xgbost\" is not in the catalog (did you mean \"churn-xgboost\"?); "
            + "`deploycat catalog models` lists the models"])
    }

    /// A spec names a catalog SageMaker model; a change to that model names the app's template.
    @Test func anAppOnACatalogSageMakerModelIsFoundAndTouchedByItsChanges() throws {
        _ = try run("catalog", "apply", "-f", try write("catalog.yaml", Self.document))
        let spec = try write("churn.yaml", """
            name: churn-scorer
            team: growth
            pattern: lambda-sagemaker-endpoint
            regions: [us-east-1]
            properties:
              model: churn-xgboost
              lambdaFunctionProps: { handler: index.handler, runtime: python3.12, code: { inline: "def handler(e, c): pass" } }
            """)
        #expect(try run("apply", "-f", spec).status == 0)
        #expect(try run("synth", "churn-scorer").status == 0)
        let listed = try run("apps", "list", "--model", "churn-xgboost").stdout
        #expect(listed.contains("churn-scorer") && listed.contains("churn-xgboost"))
        let template = try run("template", "churn-scorer").stdout
        #expect(template.contains("\"Image\" : \"\(Self.image)\"") && template.contains("ml.m5.xlarge"))
        let change = try write("bigger.yaml", Self.document.replacingOccurrences(of: "ml.m5.xlarge", with: "ml.m5.2xlarge"))
        let preview = try run("catalog", "apply", "-f", change, "--dry-run").stdout
        #expect(preview.contains("sagemakerModel churn-xgboost default instance type ml.m5.xlarge -> ml.m5.2xlarge"))
        #expect(preview.contains("templates built from what would change: churn-scorer in us-east-1"))
    }
}
