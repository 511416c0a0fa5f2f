import CatalogModel
import Testing

/// The catalog without one entry, as `impact` checks specs against it, stays consistent.
@Suite struct CatalogRemovingTests {
    let catalog = TestCatalog.snapshot

    @Test func aRegionLeavesEveryModelRouteAndGeography() {
        let removed = catalog.removing(.region, "us-west-2")
        #expect(removed.regions["us-west-2"] == nil)
        #expect(removed.models[TestCatalog.haiku]?.regions == ["ap-northeast-1", "us-east-1"])
        #expect(removed.profiles["us.\(TestCatalog.haiku)"]?.routes == ["us-east-1": ["us-east-1"]])
        #expect(removed.geographies["us"]?.destinationRegions.contains("us-west-2") == false)
        #expect(removed.geographies["us"]?.sourceRegions.contains("us-west-2") == false)
        #expect(removed.integrityIssues().isEmpty)
        // A profile whose every route started there goes; one that never had routes stays.
        let withoutCanada = catalog.removing(.region, "ca-central-1")
        #expect(withoutCanada.profiles["ca.\(TestCatalog.haiku45)"] == nil)
        #expect(withoutCanada.profiles["eu.\(TestCatalog.haiku45)"] != nil)
        #expect(withoutCanada.integrityIssues().isEmpty)
    }

    @Test func aModelGoesWithItsProfilesAndAGeographyWithItsProfiles() {
        let withoutModel = catalog.removing(.model, TestCatalog.haiku45)
        #expect(withoutModel.models[TestCatalog.haiku45] == nil)
        #expect(!withoutModel.profiles.values.contains { $0.modelId == TestCatalog.haiku45 })
        #expect(withoutModel.profiles["us.\(TestCatalog.haiku)"] != nil)
        #expect(withoutModel.integrityIssues().isEmpty)
        let withoutJapan = catalog.removing(.geography, "jp")
        #expect(withoutJapan.geographies["jp"] == nil)
        #expect(withoutJapan.profiles["jp.\(TestCatalog.haiku45)"] == nil)
        #expect(withoutJapan.profiles["apac.\(TestCatalog.haiku45)"] != nil)
        #expect(withoutJapan.integrityIssues().isEmpty)
    }

    @Test func aProfileGoesAlone() {
        let removed = catalog.removing(.profile, "us.\(TestCatalog.haiku)")
        #expect(Set(catalog.profiles.keys).subtracting(removed.profiles.keys) == ["us.\(TestCatalog.haiku)"])
        #expect(removed.models == catalog.models)
    }
}
