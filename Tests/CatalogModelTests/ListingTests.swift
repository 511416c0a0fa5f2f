import CatalogModel
import Foundation
import Testing

@Suite struct ListingTests {
    func models(_ json: String) throws -> FoundationModelListing {
        try JSONDecoder().decode(FoundationModelListing.self, from: Data(json.utf8))
    }

    func profiles(_ json: String) throws -> InferenceProfileListing {
        try JSONDecoder().decode(InferenceProfileListing.self, from: Data(json.utf8))
    }

    static let novaSummary = """
        {"modelArn": "arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-pro-v1:0",
         "modelId": "amazon.nova-pro-v1:0", "modelName": "Nova Pro", "providerName": "Amazon",
         "inputModalities": ["TEXT", "IMAGE", "VIDEO"], "outputModalities": ["TEXT"],
         "responseStreamingSupported": true, "customizationsSupported": ["FINE_TUNING", "DISTILLATION"],
         "inferenceTypesSupported": ["ON_DEMAND", "PROVISIONED"], "modelLifecycle": {"status": "ACTIVE"}}
        """

    @Test func aModelListingMarksTheRegionAndUpdatesTheModel() throws {
        var catalog = TestCatalog.snapshot
        try models(#"{"modelSummaries": [\#(Self.novaSummary)]}"#).merge(into: &catalog, region: "us-west-2", prune: false)
        let nova = try #require(catalog.models[TestCatalog.nova])
        #expect(nova.regions == ["us-east-1", "us-west-2"])
        #expect(nova.inferenceTypes == ["ON_DEMAND", "PROVISIONED"])
        #expect(nova.name == "Nova Pro")
        #expect(catalog.models[TestCatalog.haiku]?.regions.contains("us-west-2") == true)  // not pruned
    }

    @Test func pruneMarksModelsMissingFromTheListingAsNoLongerOfferedThere() throws {
        var catalog = TestCatalog.snapshot
        try models(#"{"modelSummaries": [\#(Self.novaSummary)]}"#).merge(into: &catalog, region: "us-west-2", prune: true)
        #expect(catalog.models[TestCatalog.haiku]?.regions == ["ap-northeast-1", "us-east-1"])
        #expect(catalog.models[TestCatalog.sonnet]?.regions == ["ap-northeast-1"])
        #expect(catalog.models[TestCatalog.nova]?.regions == ["us-east-1", "us-west-2"])
    }

    @Test func pruneRefusesOnePageOfAPaginatedListing() throws {
        var catalog = TestCatalog.snapshot
        let page = try models(#"{"modelSummaries": [\#(Self.novaSummary)], "NextToken": "abc"}"#)
        #expect(throws: InputError.self) { try page.merge(into: &catalog, region: "us-west-2", prune: true) }
        #expect(catalog == TestCatalog.snapshot)
        try page.merge(into: &catalog, region: "us-west-2", prune: false)
    }

    @Test func aListingFromAnotherRegionIsRejected() throws {
        var catalog = TestCatalog.snapshot
        #expect(throws: InputError([InputIssue(field: "modelSummaries[0].modelArn", problem: "names Region "
            + "\"us-west-2\", but the file is imported for \"us-east-1\"; import it with --region us-west-2")])) {
            try models(#"{"modelSummaries": [\#(Self.novaSummary)]}"#).merge(into: &catalog, region: "us-east-1", prune: false)
        }
    }

    static func profileSummary(_ id: String, region: String, destinations: [String], extra: [String] = []) -> String {
        let model = String(id.drop { $0 != "." }.dropFirst())
        let arns = (extra + destinations.map { "arn:aws:bedrock:\($0)::foundation-model/\(model)" })
            .map { #"{"modelArn": "\#($0)"}"# }.joined(separator: ", ")
        return """
            {"inferenceProfileName": "\(id) profile", "description": "Routes requests",
             "createdAt": "2024-10-22T00:00:00+00:00", "updatedAt": "2025-06-10T17:00:00.123000+00:00",
             "inferenceProfileArn": "arn:aws:bedrock:\(region):123456789012:inference-profile/\(id)",
             "models": [\(arns)], "inferenceProfileId": "\(id)", "status": "ACTIVE", "type": "SYSTEM_DEFINED"}
            """
    }

    @Test func aProfileListingSetsTheRoutesFromThatRegion() throws {
        var catalog = TestCatalog.snapshot
        let id = "us.\(TestCatalog.haiku45)"
        let listing = try profiles(#"{"inferenceProfileSummaries": [\#(Self.profileSummary(id, region: "us-east-1", destinations: ["us-east-1", "us-east-2", "us-west-1", "us-west-2"]))]}"#)
        try listing.merge(into: &catalog, region: "us-east-1", prune: false, today: "2026-11-23")
        #expect(CatalogDiff.changes(from: TestCatalog.snapshot, to: catalog).map(\.description) == [
            "profile \(id) name \"\(id)\" -> \"\(id) profile\"",
            "profile \(id) destinations from us-east-1 +us-west-1",
        ])
    }

    @Test func aGlobalProfilesRegionlessArnIsNotARegion() throws {
        var catalog = TestCatalog.snapshot
        let id = "global.\(TestCatalog.haiku45)"
        let summary = Self.profileSummary(id, region: "eu-west-1", destinations: ["eu-west-1"],
                                          extra: ["arn:aws:bedrock:::foundation-model/\(TestCatalog.haiku45)"])
        try profiles(#"{"inferenceProfileSummaries": [\#(summary)]}"#)
            .merge(into: &catalog, region: "eu-west-1", prune: false, today: "2026-11-23")
        #expect(catalog.profiles[id]?.routes["eu-west-1"] == ["eu-west-1"])
    }

    @Test func pruneDropsRoutesAndUnlistsProfilesLeftWithNone() throws {
        var catalog = TestCatalog.snapshot
        try profiles(#"{"inferenceProfileSummaries": []}"#)
            .merge(into: &catalog, region: "ap-northeast-1", prune: true, today: "2026-11-23")
        let jp = try #require(catalog.profiles["jp.\(TestCatalog.haiku45)"])
        #expect(jp.status == .unlisted)
        #expect(jp.lastSeen == "2026-11-23")
        let global = try #require(catalog.profiles["global.\(TestCatalog.haiku45)"])
        #expect(global.status == .listed)
        #expect(global.sourceRegions == ["us-east-1"])
    }

    @Test func applicationProfilesAreCountedNotKept() throws {
        var catalog = TestCatalog.snapshot
        let json = #"{"inferenceProfileSummaries": [{"inferenceProfileName": "app", "inferenceProfileArn": "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123", "inferenceProfileId": "abc123", "models": [{"modelArn": "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"}], "status": "ACTIVE", "type": "APPLICATION"}]}"#
        let notes = try profiles(json).merge(into: &catalog, region: "us-east-1", prune: false, today: "2026-11-23")
        #expect(notes.skippedApplicationProfiles == 1)
        #expect(catalog == TestCatalog.snapshot)
    }

    @Test func profilesOfUnknownModelsOrGeographiesAreRejected() throws {
        var catalog = TestCatalog.snapshot
        let summaries = [
            Self.profileSummary("us.meta.llama9-v1:0", region: "us-east-1", destinations: ["us-east-1"]),
            Self.profileSummary("amer.\(TestCatalog.nova)", region: "us-east-1", destinations: ["us-east-1"]),
        ].joined(separator: ",")
        #expect(throws: InputError([
            InputIssue(field: "inferenceProfileSummaries[0].inferenceProfileId", problem: "model \"meta.llama9-v1:0\" "
                + "is not in the catalog; import the Region's models first with `deploycat catalog import-models`"),
            InputIssue(field: "inferenceProfileSummaries[1].inferenceProfileId", problem: "geography prefix \"amer\" is "
                + "not in the catalog; add it under \"geographies\" with `deploycat catalog apply`"),
        ])) {
            try profiles(#"{"inferenceProfileSummaries": [\#(summaries)]}"#)
                .merge(into: &catalog, region: "us-east-1", prune: false, today: "2026-11-23")
        }
    }
}
