import CatalogModel
import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// Lists come back in byte order on both engines, whatever the PostgreSQL database's collation
/// (the test server's ignores punctuation, so it would put `abb` before `ab-c`).
@Suite struct OrderingTests {
    @Test(arguments: Engine.available) func appsAndVersionsAreInByteOrder(engine: Engine) throws {
        let catalog = try engine.newCatalog()
        let properties = PatternProperties.applicationInferenceProfile(ApplicationInferenceProfileProperties())
        let names = ["abb", "ab-c", "a9"]
        _ = try catalog.applySpecs(names.map {
            (AppSpec(name: $0, team: "cx", regions: ["us-east-1", "us-east-2"], properties: properties), "\($0).yaml")
        })
        _ = try catalog.recordTemplates(names.flatMap { name in
            ["us-east-2", "us-east-1"].map { region in
                TemplateCandidate(app: name, region: region, sha256: String(repeating: "a", count: 64), compactBody: "{}",
                                  catalogRevision: 1, specRevision: 1,
                                  dependencies: TemplateDependencies(models: ["m-1", "m1"], regions: [region]))
            }
        })
        let byteOrder = ["a9", "ab-c", "abb"]
        #expect(try catalog.apps().map(\.name) == byteOrder)
        #expect(try catalog.latestVersions().map { "\($0.app) \($0.region)" }
            == byteOrder.flatMap { ["\($0) us-east-1", "\($0) us-east-2"] })
        #expect(try catalog.templateVersions(app: "ab-c").map(\.region) == ["us-east-1", "us-east-2"])
        #expect(try catalog.modelUsage()["m-1"] == byteOrder)
        #expect(try catalog.templatesBuilt(from: [CatalogChange(kind: .model, key: "m1", summary: "changed")])
            .map(\.app) == byteOrder.flatMap { [$0, $0] })
    }
}
