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
