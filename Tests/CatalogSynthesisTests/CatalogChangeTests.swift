import CatalogModel
import CatalogSynthesis
import Testing

/// A template changes when, and only when, something it was built from changes.
@Suite struct CatalogChangeTests {
    let spec: AppSpec

    init() throws {
        spec = try #require(try SynthesisFixtures.examples.first { $0.name == "support-chat" })
    }

    @Test func anUnrelatedCatalogChangeLeavesTheTemplateAlone() throws {
        var catalog = SynthesisFixtures.catalog
        catalog.models["amazon.nova-pro-v1:0"]?.lifecycle = .legacy
        catalog.profiles["eu.amazon.nova-pro-v1:0"]?.routes["eu-west-1"]?.append("eu-south-1")
        catalog.regions["eu-west-3"]?.name = "Europe (Paris, renamed)"
        let before = try SynthesisFixtures.template(spec, region: "us-east-1")
        let after = try SynthesisFixtures.template(spec, region: "us-east-1", catalog: catalog)
        #expect(before.json == after.json)
    }

    @Test func aNewDestinationRegionIsGrantedInTheAffectedTemplateOnly() throws {
        var catalog = SynthesisFixtures.catalog
        let profile = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
        catalog.profiles[profile]?.routes["us-east-1"]?.append("us-west-1")
        let east = try SynthesisFixtures.template(spec, region: "us-east-1", catalog: catalog)
        let europe = try SynthesisFixtures.template(spec, region: "eu-west-1", catalog: catalog)
        #expect(east.json != (try SynthesisFixtures.template(spec, region: "us-east-1")).json)
        #expect(east.json.contains("bedrock:us-west-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0"))
        #expect(east.dependencies.regions.contains("us-west-1"))
        #expect(europe.json == (try SynthesisFixtures.template(spec, region: "eu-west-1")).json)
    }

    @Test func dependenciesNameTheModelProfileGeographyRegionsAndTagSources() throws {
        let template = try SynthesisFixtures.template(spec, region: "eu-west-1")
        #expect(template.dependencies == TemplateDependencies(
            models: ["anthropic.claude-haiku-4-5-20251001-v1:0"],
            profiles: ["eu.anthropic.claude-haiku-4-5-20251001-v1:0"], geographies: ["eu"],
            regions: ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
            tagDefaults: ["*", "customer-experience"], tagPolicy: ["cost-center", "product"]))
    }
}
