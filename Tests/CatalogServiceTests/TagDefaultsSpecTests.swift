import CatalogModel
import CatalogStore
import Testing

/// An app's tags as AWS will count them: its own, its profile's and the defaults it inherits.
@Suite struct TagDefaultsSpecTests {
    static func spec(tags: Range<Int>, profileTags: Range<Int>) -> AppSpec {
        let keys = { (range: Range<Int>) in TagMap(Dictionary(uniqueKeysWithValues: range.map { (String(format: "k%02d", $0), "v") })) }
        return AppSpec(name: "chat", team: "cx", regions: ["us-east-1"], tags: keys(tags),
                       properties: .applicationInferenceProfile(ApplicationInferenceProfileProperties(
                           modelSource: .init(crossRegion: .init(geography: "us", model: "amazon.nova-pro-v1:0")), tags: keys(profileTags))))
    }

    @Test func defaultsCountWithTheDistinctKeysOfTheAppAndItsProfile() throws {
        var catalog = try DefaultCatalog.snapshot()
        catalog.tagDefaults = TagDefaults(catalog: TagMap(Dictionary(uniqueKeysWithValues: (0..<10).map { ("d\($0)", "v") })))
        // 30 own keys and 20 profile keys of which 10 are the same: 40 distinct, 50 with the defaults
        let issues = AppSpecValidator(catalog: catalog).issues(Self.spec(tags: 0..<30, profileTags: 20..<40))
        #expect(issues.map(\.description) == [
            "tags: with the tag defaults (d0, d1, d2, d3, d4, d5, d6, d7, d8, d9) the resources would carry 50 tags; at "
                + "most 47 are allowed (a resource carries 50, and deploycat adds 3)",
        ])
        #expect(AppSpecValidator(catalog: catalog).issues(Self.spec(tags: 0..<30, profileTags: 20..<37)).isEmpty)
    }
}
