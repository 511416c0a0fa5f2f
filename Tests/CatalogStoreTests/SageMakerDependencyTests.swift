import CatalogModel
import CatalogStore
import CatalogTestSupport
import Testing

/// A template built from a SageMaker model is found from it, as one built from a Bedrock model is.
@Suite struct SageMakerDependencyTests {
    static let image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7"

    /// A new catalog on `engine` with the suite's apps.
    static func catalog(on engine: Engine) throws -> SQLCatalogRepository {
        let catalog = try engine.newCatalog()
        try catalog.update(origin: "test") { snapshot in
            snapshot.sagemakerModels["churn"] = SageMakerModel(name: "churn", image: Self.image)
        }
        let properties = PatternProperties.applicationInferenceProfile(ApplicationInferenceProfileProperties())
        _ = try catalog.applySpecs([
            (AppSpec(name: "scoring", team: "ml", regions: ["us-east-1", "eu-west-1"], properties: properties),
             "scoring.yaml"),
            (AppSpec(name: "chat", team: "cx", regions: ["us-east-1"], properties: properties), "chat.yaml"),
        ])
        _ = try catalog.recordTemplates([
            TemplateCandidate(app: "scoring", region: "us-east-1", sha256: String(repeating: "a", count: 64), compactBody: "a",
                              catalogRevision: 2, specRevision: 1,
                              dependencies: TemplateDependencies(sagemakerModels: ["churn"], regions: ["us-east-1"])),
            TemplateCandidate(app: "chat", region: "us-east-1", sha256: String(repeating: "b", count: 64), compactBody: "b",
                              catalogRevision: 2, specRevision: 1,
                              dependencies: TemplateDependencies(models: ["churn"], regions: ["us-east-1"])),
        ])
        return catalog
    }

    @Test(arguments: Engine.available) func theDependencyIsStoredAsItsOwnKind(engine: Engine) throws {
        let catalog = try Self.catalog(on: engine)
        let versions = try catalog.templateVersions(app: "scoring")
        #expect(versions.map(\.dependencies) == [TemplateDependencies(sagemakerModels: ["churn"], regions: ["us-east-1"])])
        // A Bedrock model of the same name is another entry.
        #expect(try catalog.appsUsing(model: "churn", kind: .sagemakerModel) == ["scoring"])
        #expect(try catalog.appsUsing(model: "churn") == ["chat"])
        #expect(try catalog.modelUsage()["churn"] == ["chat"])
    }

    @Test(arguments: Engine.available) func aChangeOfTheModelFindsTheTemplatesBuiltFromIt(engine: Engine) throws {
        let catalog = try Self.catalog(on: engine)
        let update = try catalog.update(origin: "test") { snapshot in
            snapshot.sagemakerModels["churn"]?.defaultInstanceType = "ml.g5.xlarge"
        }
        #expect(update.changes.map(\.description) == ["sagemakerModel churn default instance type none -> ml.g5.xlarge"])
        let touched = try catalog.templatesBuilt(from: update.changes)
        #expect(touched.map { "\($0.app) \($0.region)" } == ["scoring us-east-1"])
    }
}
