import CatalogModel

/// A small catalog shaped like the real one: overlapping geographies (us and ca, apac and jp),
/// a global geography, listed, unlisted and route-less profiles, a LEGACY model.
enum TestCatalog {
    static let haiku = "anthropic.claude-3-haiku-20240307-v1:0"
    static let sonnet = "anthropic.claude-3-5-sonnet-20241022-v2:0"
    static let haiku45 = "anthropic.claude-haiku-4-5-20251001-v1:0"
    static let nova = "amazon.nova-pro-v1:0"

    static var snapshot: CatalogSnapshot {
        var catalog = CatalogSnapshot()
        for (code, partition, bedrock) in [
            ("us-east-1", "aws", true), ("us-east-2", "aws", true), ("us-west-1", "aws", true),
            ("us-west-2", "aws", true), ("ca-central-1", "aws", true), ("ap-northeast-1", "aws", true),
            ("ap-northeast-3", "aws", true), ("ap-southeast-2", "aws", true), ("eu-west-1", "aws", true),
            ("eu-central-1", "aws", true), ("ap-east-1", "aws", false), ("us-gov-west-1", "aws-us-gov", true),
        ] {
            catalog.regions[code] = Region(code: code, name: code.uppercased(), partition: partition, bedrock: bedrock)
        }
        func geography(_ prefix: String, _ sources: [String], _ destinations: [String],
                       _ scope: GeographyScope = .listedRegions) {
            catalog.geographies[prefix] = Geography(prefix: prefix, name: prefix.uppercased(), partition: "aws",
                                                    scope: scope, sourceRegions: sources, destinationRegions: destinations)
        }
        geography("us", ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"],
                  ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"])
        geography("ca", ["ca-central-1"], ["ca-central-1"])
        geography("apac", ["ap-northeast-1", "ap-northeast-3", "ap-southeast-2"],
                  ["ap-northeast-1", "ap-northeast-3", "ap-southeast-2"])
        geography("jp", ["ap-northeast-1", "ap-northeast-3"], ["ap-northeast-1", "ap-northeast-3"])
        geography("eu", ["eu-central-1", "eu-west-1"], ["eu-central-1", "eu-west-1"])
        geography("global", ["us-east-1", "eu-west-1", "ap-northeast-1"], [], .allCommercialRegions)

        catalog.models[haiku] = FoundationModel(
            id: haiku, provider: "Anthropic", name: "Claude 3 Haiku", inputModalities: ["TEXT", "IMAGE"],
            outputModalities: ["TEXT"], inferenceTypes: ["ON_DEMAND"], lifecycle: .legacy, legacyDate: "2026-06-01",
            endOfLifeDate: "2026-12-01", regions: ["us-east-1", "us-west-2", "ap-northeast-1"],
            price: ModelPrice(inputPer1k: 0.00025, outputPer1k: 0.00125))
        catalog.models[sonnet] = FoundationModel(
            id: sonnet, provider: "Anthropic", inferenceTypes: ["INFERENCE_PROFILE"], lifecycle: .active,
            regions: ["ap-northeast-1", "us-west-2"])
        catalog.models[haiku45] = FoundationModel(
            id: haiku45, provider: "Anthropic", inferenceTypes: ["INFERENCE_PROFILE"], lifecycle: .active,
            regions: ["us-east-1", "ap-northeast-1", "eu-west-1", "ca-central-1"])
        catalog.models[nova] = FoundationModel(
            id: nova, provider: "Amazon", inferenceTypes: ["ON_DEMAND"], lifecycle: .active, regions: ["us-east-1"])

        func profile(_ geography: String, _ model: String, _ routes: [String: [String]],
                     status: ProfileStatus = .listed, lastSeen: String? = nil) {
            let id = "\(geography).\(model)"
            catalog.profiles[id] = SystemProfile(id: id, modelId: model, geography: geography, name: id,
                                                 status: status, lastSeen: lastSeen, routes: routes)
        }
        profile("us", haiku, ["us-east-1": ["us-east-1", "us-west-2"], "us-west-2": ["us-east-1", "us-west-2"]])
        profile("us", sonnet, ["us-east-1": ["us-east-1", "us-east-2", "us-west-2"]], status: .unlisted,
                lastSeen: "2026-04-02")
        profile("apac", sonnet, ["ap-northeast-1": ["ap-northeast-1", "ap-northeast-3", "ap-southeast-2"]])
        profile("us", haiku45, ["us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
                                "us-west-1": ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
                                "ca-central-1": ["ca-central-1", "us-east-1", "us-east-2", "us-west-2"]])
        profile("ca", haiku45, ["ca-central-1": ["ca-central-1"]])
        profile("apac", haiku45, ["ap-northeast-1": ["ap-northeast-1", "ap-northeast-3", "ap-southeast-2"]])
        profile("jp", haiku45, ["ap-northeast-1": ["ap-northeast-1", "ap-northeast-3"]])
        profile("eu", haiku45, [:], status: .unlisted)
        profile("global", haiku45, ["us-east-1": ["us-east-1"], "ap-northeast-1": ["ap-northeast-1"]])
        return catalog
    }
}
