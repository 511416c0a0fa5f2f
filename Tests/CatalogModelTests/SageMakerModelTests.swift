import CatalogModel
import Foundation
import Testing

/// SageMaker models in catalog documents, and how a model name is told apart from a Bedrock id.
@Suite struct SageMakerModelTests {
    static let image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7"

    func document(_ json: String) throws -> CatalogDocument {
        try JSONDecoder().decode(CatalogDocument.self, from: Data(json.utf8))
    }

    @Test func aModelIsAddedThenChangedFieldByField() throws {
        var catalog = TestCatalog.snapshot
        try document("""
            {"sagemakerModels": [{"name": "churn-xgboost", "image": "\(Self.image)",
              "modelDataUrl": "s3://ml-artifacts/churn/model.tar.gz", "defaultInstanceType": "ml.m5.xlarge"}]}
            """).merge(into: &catalog)
        try document("""
            {"sagemakerModels": [{"name": "churn-xgboost", "defaultInstanceType": "ml.g5.xlarge", "description": "Churn"}]}
            """).merge(into: &catalog)
        let model = try #require(catalog.sagemakerModels["churn-xgboost"])
        #expect(model == SageMakerModel(name: "churn-xgboost", image: Self.image,
                                        modelDataUrl: "s3://ml-artifacts/churn/model.tar.gz",
                                        defaultInstanceType: "ml.g5.xlarge", description: "Churn"))
        #expect(ContainerImage(model.image)?.repositoryArn(partition: "aws")
            == "arn:aws:ecr:us-east-1:123456789012:repository/xgboost")
    }

    @Test func everyBadFieldIsNamedWithTheFormItMustHave() throws {
        let original = TestCatalog.snapshot
        var catalog = original
        let bad = try document("""
            {"sagemakerModels": [
              {"name": "churn_xgboost", "image": "docker.io/library/xgboost:1.7",
               "modelDataUrl": "https://ml-artifacts.s3.amazonaws.com/model.tar.gz", "defaultInstanceType": "m5.xlarge",
               "description": " "},
              {"name": "summarizer"}]}
            """)
        #expect(throws: InputError([
            InputIssue(field: "sagemakerModels[0].name", problem: "\"churn_xgboost\" is not a SageMaker model name: "
                + Identifiers.sageMakerNameRule),
            InputIssue(field: "sagemakerModels[0].image", problem: "\"docker.io/library/xgboost:1.7\" is not "
                + ContainerImage.rule),
            InputIssue(field: "sagemakerModels[0].modelDataUrl",
                       problem: "\"https://ml-artifacts.s3.amazonaws.com/model.tar.gz\" is not \(S3Object.rule)"),
            InputIssue(field: "sagemakerModels[0].defaultInstanceType",
                       problem: "\"m5.xlarge\" is not \(Identifiers.sageMakerInstanceTypeRule)"),
            InputIssue(field: "sagemakerModels[0].description", problem: "must not be empty"),
            InputIssue(field: "sagemakerModels[1].image",
                       problem: "a new SageMaker model needs an image: \(ContainerImage.rule)"),
        ])) {
            try bad.merge(into: &catalog)
        }
        #expect(catalog == original)
    }

    @Test func anUnknownKeyNamesTheClosestValidOne() {
        #expect {
            try document(#"{"sagemakerModels": [{"name": "churn", "image": "x", "modelDataURL": "s3://b/k"}]}"#)
        } throws: { error in
            guard case let DecodingError.dataCorrupted(context) = error else { return false }
            return context.debugDescription.hasPrefix("unknown key \"modelDataURL\" (did you mean \"modelDataUrl\"?)")
                && context.codingPath.map(\.stringValue) == ["sagemakerModels", "Index 0", "modelDataURL"]
        }
    }

    @Test func aNameIsABedrockModelOrASageMakerModel() throws {
        var catalog = TestCatalog.snapshot
        catalog.sagemakerModels["churn-xgboost"] = SageMakerModel(name: "churn-xgboost", image: Self.image)
        #expect(try catalog.modelKind(of: "churn-xgboost") == .sagemakerModel)
        #expect(try catalog.modelKind(of: TestCatalog.nova) == .model)
        // An unknown name is suggested names of both kinds.
        #expect(throws: CatalogError.unknownModel(id: "churn-xgbost", suggestions: ["churn-xgboost"])) {
            try catalog.modelKind(of: "churn-xgbost")
        }
        #expect(throws: CatalogError.unknownModel(id: "amazon.nova-pro", suggestions: [TestCatalog.nova])) {
            try catalog.modelKind(of: "amazon.nova-pro")
        }
    }

    @Test func templatesRecordTheSageMakerModelsTheyUseAsTheirOwnKind() {
        let dependencies = TemplateDependencies(sagemakerModels: ["churn-xgboost"], regions: ["us-east-1"])
        #expect(dependencies.entries.map { "\($0.kind.rawValue) \($0.ref)" }
            == ["sagemakerModel churn-xgboost", "region us-east-1"])
        #expect(TemplateDependencies(entries: dependencies.entries) == dependencies)
    }
}
