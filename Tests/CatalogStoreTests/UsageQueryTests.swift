import CatalogModel
import CatalogStore
import CatalogTestSupport
import Testing

/// Usage queries read only live apps' current templates: the latest version of each Region the
/// spec still names, never a deleted app's or a retired Region's.
@Suite struct UsageQueryTests {
    static let properties = PatternProperties.applicationInferenceProfile(ApplicationInferenceProfileProperties())

    static func candidate(
        _ app: String, _ region: String, _ body: String, models: [String], profiles: [String] = [], regions: [String]
    ) -> TemplateCandidate {
        TemplateCandidate(app: app, region: region, sha256: String(repeating: body, count: 64), compactBody: body,
                          catalogRevision: 1, specRevision: 1,
                          dependencies: TemplateDependencies(models: models, profiles: profiles,
                                                             regions: [region] + regions))
    }

    /// A new catalog on `engine`: `chat` in two Regions (its us-east-1 route changed in version 2),
    /// `search` with a template of a Region its spec no longer names, a deleted app, and `fresh`
    /// with no templates.
    static func catalog(on engine: Engine) throws -> SQLCatalogRepository {
        let catalog = try engine.newCatalog()
        _ = try catalog.applySpecs([
            (AppSpec(name: "chat", team: "cx", regions: ["us-east-1", "eu-west-1"], properties: properties), "chat.yaml"),
            (AppSpec(name: "search", team: "web", regions: ["us-east-1", "us-west-2"], properties: properties), "s.yaml"),
            (AppSpec(name: "old", team: "cx", regions: ["us-east-1"], properties: properties), "old.yaml"),
            (AppSpec(name: "fresh", team: "web", regions: ["us-east-1", "ap-south-1"], properties: properties), "f.yaml"),
        ])
        _ = try catalog.recordTemplates([
            candidate("chat", "us-east-1", "a", models: ["m"], profiles: ["us.m"], regions: ["us-west-2"]),
            candidate("chat", "eu-west-1", "b", models: ["m"], profiles: ["eu.m"], regions: ["eu-central-1"]),
            candidate("search", "us-east-1", "c", models: ["n"], regions: []),
            candidate("search", "us-west-2", "d", models: ["n"], regions: []),
            candidate("old", "us-east-1", "e", models: ["m"], profiles: ["us.m"], regions: ["us-west-2"]),
        ])
        _ = try catalog.recordTemplates([
            candidate("chat", "us-east-1", "f", models: ["m"], profiles: ["us.m"], regions: ["us-east-2"]),
        ])
        _ = try catalog.applySpecs([
            (AppSpec(name: "search", team: "web", regions: ["us-east-1"], properties: properties), "s.yaml"),
        ])
        try catalog.deleteApp(named: "old")
        return catalog
    }

    func places(_ templates: [CurrentTemplate]) -> [String] {
        templates.map { "\($0.app) \($0.region) v\($0.version) \($0.ref)" }
    }

    @Test(arguments: Engine.available) func onlyCurrentTemplatesOfLiveAppsAreFound(engine: Engine) throws {
        let catalog = try Self.catalog(on: engine)
        // chat's version 2 no longer routes to us-west-2, search left it, old is deleted.
        #expect(try catalog.currentTemplates(builtFrom: .region, ref: "us-west-2", including: [.profile]).isEmpty)
        let routed = try catalog.currentTemplates(builtFrom: .region, ref: "us-east-2", including: [.profile])
        #expect(places(routed) == ["chat us-east-1 v2 us-east-2"])
        #expect(routed.map(\.dependencies) == [TemplateDependencies(profiles: ["us.m"])])
        #expect(routed.map(\.team) == ["cx"] && routed.map(\.pattern) == [.applicationInferenceProfile])
        #expect(places(try catalog.currentTemplates(builtFrom: .model, ref: "m", including: []))
            == ["chat eu-west-1 v1 m", "chat us-east-1 v2 m"])
    }

    @Test(arguments: Engine.available) func everyEntryOfAKindIsFoundWithoutARef(engine: Engine) throws {
        let catalog = try Self.catalog(on: engine)
        let models = try catalog.currentTemplates(builtFrom: .model, ref: nil, including: [.region, .model])
        #expect(places(models) == ["chat eu-west-1 v1 m", "chat us-east-1 v2 m", "search us-east-1 v1 n"])
        #expect(models.map(\.dependencies) == [
            TemplateDependencies(models: ["m"], regions: ["eu-central-1", "eu-west-1"]),
            TemplateDependencies(models: ["m"], regions: ["us-east-1", "us-east-2"]),
            TemplateDependencies(models: ["n"], regions: ["us-east-1"]),
        ])
    }

    @Test(arguments: Engine.available) func regionsWithoutTemplatesAreTheUnsynthesizedOnes(engine: Engine) throws {
        let catalog = try Self.catalog(on: engine)
        #expect(try catalog.unsynthesizedRegions().map { "\($0.app) \($0.region)" } == ["fresh ap-south-1", "fresh us-east-1"])
        _ = try catalog.recordTemplates([Self.candidate("fresh", "ap-south-1", "g", models: [], regions: [])])
        #expect(try catalog.unsynthesizedRegions().map { "\($0.app) \($0.region)" } == ["fresh us-east-1"])
    }
}
