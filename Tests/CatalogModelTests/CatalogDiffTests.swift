import CatalogModel
import Testing

@Suite struct CatalogDiffTests {
    @Test func equalSnapshotsHaveNoChanges() {
        #expect(CatalogDiff.changes(from: TestCatalog.snapshot, to: TestCatalog.snapshot).isEmpty)
    }

    @Test func eachChangedFieldIsOneLine() {
        let old = TestCatalog.snapshot
        var new = old
        let profileId = "us.\(TestCatalog.haiku45)"
        new.profiles[profileId]?.routes["us-east-1"] = ["us-east-1", "us-west-1", "us-west-2"]
        new.models[TestCatalog.nova]?.lifecycle = .legacy
        new.models[TestCatalog.nova]?.regions = ["us-east-1", "us-west-2"]
        new.models[TestCatalog.nova]?.price = ModelPrice(inputPer1k: 0.0008, outputPer1k: 0.0032)
        new.regions["eu-west-3"] = Region(code: "eu-west-3", name: "Europe (Paris)", partition: "aws", bedrock: true)
        #expect(CatalogDiff.changes(from: old, to: new).map(\.description) == [
            "region eu-west-3 added: Europe (Paris) (aws)",
            "model \(TestCatalog.nova) lifecycle ACTIVE -> LEGACY",
            "model \(TestCatalog.nova) regions +us-west-2",
            "model \(TestCatalog.nova) input price per 1k none -> 0.0008",
            "model \(TestCatalog.nova) output price per 1k none -> 0.0032",
            "profile \(profileId) destinations from us-east-1 +us-west-1 -us-east-2",
        ])
    }

    @Test func batchSupportAndBatchPricesAreModelFields() {
        let old = TestCatalog.snapshot
        var new = old
        new.models[TestCatalog.nova]?.batch = true
        new.models[TestCatalog.haiku]?.batch = false
        new.models[TestCatalog.haiku]?.price?.batchInputPer1k = 0.000125
        #expect(CatalogDiff.changes(from: old, to: new).map(\.description) == [
            "model \(TestCatalog.nova) batch unknown -> supported",
            "model \(TestCatalog.haiku) batch unknown -> unsupported",
            "model \(TestCatalog.haiku) batch input price per 1k none -> 0.000125",
        ])
    }

    @Test func sageMakerModelsAreAddedChangedAndRemoved() {
        var old = TestCatalog.snapshot
        let image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7"
        old.sagemakerModels["churn"] = SageMakerModel(name: "churn", image: image, defaultInstanceType: "ml.m5.xlarge")
        old.sagemakerModels["old-model"] = SageMakerModel(name: "old-model", image: image)
        var new = old
        new.sagemakerModels["churn"]?.modelDataUrl = "s3://ml/churn.tar.gz"
        new.sagemakerModels["churn"]?.defaultInstanceType = "ml.g5.xlarge"
        new.sagemakerModels["old-model"] = nil
        new.sagemakerModels["summarizer"] = SageMakerModel(name: "summarizer", image: image, description: "Summaries")
        #expect(CatalogDiff.changes(from: old, to: new).map(\.description) == [
            "sagemakerModel churn model data none -> s3://ml/churn.tar.gz",
            "sagemakerModel churn default instance type ml.m5.xlarge -> ml.g5.xlarge",
            "sagemakerModel old-model removed",
            "sagemakerModel summarizer added: image \(image)",
        ])
    }

    @Test func aNewSourceRegionIsReportedOnce() {
        let old = TestCatalog.snapshot
        var new = old
        let profileId = "jp.\(TestCatalog.haiku45)"
        new.profiles[profileId]?.routes["ap-northeast-3"] = ["ap-northeast-1", "ap-northeast-3"]
        #expect(CatalogDiff.changes(from: old, to: new).map(\.description) == [
            "profile \(profileId) sources +ap-northeast-3",
        ])
    }
}
