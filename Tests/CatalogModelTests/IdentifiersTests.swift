import CatalogModel
import Testing

@Suite struct IdentifiersTests {
    @Test(arguments: ["us-east-1", "us-gov-west-1", "eusc-de-east-1", "ap-southeast-7", "il-central-1"])
    func acceptsRegionCodes(code: String) {
        #expect(Identifiers.isRegionCode(code))
    }

    @Test(arguments: ["", "us_east_1", "US-EAST-1", "us-east", "useast1", "us-east-1; DROP TABLE region"])
    func rejectsOtherRegionCodes(code: String) {
        #expect(!Identifiers.isRegionCode(code))
    }

    @Test(arguments: ["anthropic.claude-3-5-sonnet-20241022-v2:0", "amazon.nova-lite-v1:0", "deepseek.v3.2",
                      "zai.glm-4.7-flash", "anthropic.claude-v2:1", "stability.sd3-5-large-v1:0"])
    func acceptsModelIds(id: String) {
        #expect(Identifiers.isModelId(id))
    }

    @Test(arguments: ["claude", "Anthropic.Claude", "anthropic.claude v2", "anthropic..x", ".x",
                      "a." + String(repeating: "b", count: 140)])
    func rejectsOtherModelIds(id: String) {
        #expect(!Identifiers.isModelId(id))
    }

    @Test func checksDatesPartitionsGeographiesAccountsAndWords() {
        #expect(Identifiers.isDate("2026-08-22"))
        #expect(!Identifiers.isDate("2026-13-01") && !Identifiers.isDate("2026-8-22") && !Identifiers.isDate("soon"))
        #expect(!Identifiers.isDate("2026-02-30") && !Identifiers.isDate("2026-04-31") && Identifiers.isDate("2028-02-29"))
        #expect(Identifiers.isPartition("aws") && Identifiers.isPartition("aws-us-gov") && Identifiers.isPartition("aws-iso-b"))
        #expect(!Identifiers.isPartition("azure") && !Identifiers.isPartition("aws-"))
        #expect(Identifiers.isGeographyPrefix("us-gov") && Identifiers.isGeographyPrefix("apac"))
        #expect(!Identifiers.isGeographyPrefix("u") && !Identifiers.isGeographyPrefix("US"))
        #expect(Identifiers.isAccountId("123456789012") && !Identifiers.isAccountId("12345678901x"))
        #expect(Identifiers.isUpperWord("ON_DEMAND") && !Identifiers.isUpperWord("on_demand") && !Identifiers.isUpperWord("_X"))
    }

    @Test func splitsProfileIdsIntoGeographyAndModel() {
        #expect(Identifiers.splitProfileId("us-gov.anthropic.claude-3-haiku-20240307-v1:0")! == (
            "us-gov", "anthropic.claude-3-haiku-20240307-v1:0"))
        #expect(Identifiers.splitProfileId("global.amazon.nova-2-lite-v1:0")! == ("global", "amazon.nova-2-lite-v1:0"))
        #expect(Identifiers.splitProfileId("anthropic") == nil)
    }

    @Test func parsesBedrockArnsIncludingRegionlessOnes() throws {
        let arn = try #require(ARN.parse("arn:aws:bedrock:::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0"))
        #expect(arn.region == "")
        #expect(arn.resourceType == "foundation-model")
        #expect(arn.resourceId == "anthropic.claude-haiku-4-5-20251001-v1:0")
        #expect(ARN.parse("arn:aws:s3:::bucket/key") == nil)
    }

    @Test func suggestsCloseNames() {
        #expect(Suggestions.closest(to: "modelz", in: ["models", "prices", "regions"]) == ["models"])
        #expect(Suggestions.closest(to: "zzzz", in: ["models", "prices"]).isEmpty)
    }
}
