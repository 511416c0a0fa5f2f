import CatalogModel
import Foundation
import Testing

/// The pure parts of actual costs: tag keys across export spellings, exact amounts, usage
/// starts, Bedrock usage types, format detection and attribution by generated names.
@Suite struct BillingModelTests {
    @Test(arguments: [
        ("resourceTags/user:CostCenter", "CostCenter"), ("user:CostCenter", "CostCenter"), ("CostCenter", "CostCenter"),
        ("user_cost_center", "CostCenter"), ("user_cost_center", "cost-center"), ("resourceTags/user:deploycat:app", "deploycat:app"),
        ("user_deploycat_app", "deploycat:app"), ("user:deploycat:app", "deploycat:app"), ("resourceTags/aws:createdBy", "aws:createdBy"),
        ("aws_created_by", "aws:createdBy"), ("user_abc_team", "ABCTeam"),
    ])
    func exportKeysMatchCatalogKeys(export: String, catalog: String) {
        #expect(BillingTagKey.matches(exportKey: export, catalogKey: catalog))
    }

    @Test(arguments: [
        ("user_cost_center", "CostCentre"), ("user_deploycat_app", "deploycat:team"), ("aws_created_by", "createdBy"),
        ("user_costcenter", "CostCenter"),
    ])
    func otherKeysDoNotMatch(export: String, catalog: String) {
        #expect(!BillingTagKey.matches(exportKey: export, catalogKey: catalog))
    }

    @Test func knownKeysShowTheCatalogsSpelling() {
        let known = KnownTagKeys(["deploycat:app", "CostCenter"])
        #expect(known.display("cost_center") == "CostCenter")
        #expect(known.display("deploycat_app") == "deploycat:app")
        #expect(known.display("project") == "project")
        #expect(known.stored("user_cost_center") == "cost_center")
        #expect(known.stored("resourceTags/user:CostCenter") == "cost_center")
        #expect(known.stored("Project") == nil)
    }

    @Test func amountsAreExact() throws {
        #expect(BillingAmount(parsing: "0.0000000672")?.units == 672)
        #expect(BillingAmount(parsing: "1.25")?.units == 12_500_000_000)
        #expect(BillingAmount(parsing: "-3")?.units == -30_000_000_000)
        #expect(BillingAmount(parsing: "1.2E-7")?.units == 1200)
        #expect(BillingAmount(parsing: ".5")?.units == 5_000_000_000)
        // Past ten places: half to even.
        #expect(BillingAmount(parsing: "0.00000000005")?.units == 0)
        #expect(BillingAmount(parsing: "0.00000000015")?.units == 2)
        for bad in ["", "abc", "1.2.3", "1,5", "$3", "1e", "99999999999999999999"] {
            #expect(BillingAmount(parsing: bad) == nil, "\(bad)")
        }
        // A million tiny charges sum to the cent exactly, where Doubles drift.
        let tiny = try #require(BillingAmount(parsing: "0.0000001"))
        var sum = BillingAmount.zero
        for _ in 0..<1_000_000 { sum += tiny }
        #expect(sum.decimal == Decimal(string: "0.1"))
        #expect(try #require(BillingAmount(parsing: "0.125")).cents == Decimal(string: "0.13"))
    }

    @Test func usageStartsAreReadAsAWSWritesThem() {
        #expect(BillingTimestamp.parse("2025-01-31T23:00:00Z")?.month == "2025-01")
        #expect(BillingTimestamp.parse("2025-01-31T23:00:00.000Z")?.utc == "2025-01-31T23:00:00Z")
        #expect(BillingTimestamp.parse("2025-01-31 23:00:00")?.utc == "2025-01-31T23:00:00Z")
        #expect(BillingTimestamp.parse("2025-02-01")?.month == "2025-02")
        // An offset moves the time to UTC, and so the month.
        #expect(BillingTimestamp.parse("2025-02-01T00:30:00+01:00")?.utc == "2025-01-31T23:30:00Z")
        #expect(BillingTimestamp.parse("2024-12-31T23:30:00-01:00")?.month == "2025-01")
        for bad in ["", "yesterday", "2025-13-01T00:00:00Z", "2025-02-30", "2025-01-01T25:00:00Z", "2025/01/01"] {
            #expect(BillingTimestamp.parse(bad) == nil, "\(bad)")
        }
        #expect(BillingTimestamp.isMonth("2025-01") && !BillingTimestamp.isMonth("2025-1") && !BillingTimestamp.isMonth("2025-13"))
    }

    @Test func bedrockUsageTypesNameTheirModel() {
        #expect(BedrockUsageType.modelText("USE1-Claude3.5Sonnet-v2-input-tokens") == "Claude3.5Sonnet-v2")
        #expect(BedrockUsageType.modelText("USW2-NovaPro-batch-input-tokens") == "NovaPro")
        #expect(BedrockUsageType.modelText("EUC1-Llama3-2-90B-output-tokens-cross-region-global") == "Llama3-2-90B")
        #expect(BedrockUsageType.modelText("USE1-input-tokens") == nil)
        let models = [FoundationModel(id: "amazon.nova-pro-v1:0", provider: "Amazon", name: "Nova Pro"),
                      FoundationModel(id: "anthropic.claude-haiku-4-5-20251001-v1:0", provider: "Anthropic", name: "Claude Haiku 4.5")]
        #expect(BedrockUsageType.catalogModel(for: "NovaPro", in: models) == "amazon.nova-pro-v1:0")
        #expect(BedrockUsageType.catalogModel(for: "ClaudeHaiku4.5", in: models) == "anthropic.claude-haiku-4-5-20251001-v1:0")
        #expect(BedrockUsageType.catalogModel(for: "NovaLite", in: models) == nil)
    }

    @Test func theHeaderTellsTheFormat() {
        let cur = ["lineItem/UsageType", "x", "identity/LineItemId", "lineItem/ResourceId", "lineItem/UnblendedCost",
                   "lineItem/UsageStartDate", "lineItem/ProductCode", "resourceTags/user:CostCenter"]
        #expect(BillingFormat.detect(header: cur)?.0 == .cur)
        #expect(BillingFormat.detect(header: cur)?.1.tagColumns.map(\.key) == ["cost_center"])
        let cur2 = BillingFormat.cur2.requiredColumns.reversed() + ["resource_tags"]
        #expect(BillingFormat.detect(header: Array(cur2))?.0 == .cur2)
        let focus = ["Tags", "ServiceName", "ResourceId", "ChargePeriodStart", "BilledCost", "x_UsageType"]
        #expect(BillingFormat.detect(header: focus)?.0 == .focus)
        #expect(BillingFormat.detect(header: ["a", "b"]) == nil)
        #expect(BillingFormat.cur.missingColumns(in: Array(cur.dropFirst())) == ["lineItem/UsageType"])
    }

    @Test func generatedNamesFindTheirResources() {
        #expect(BillingAttribution.generatedKey(arn: "arn:aws:lambda:us-east-1:123456789012:function:support-chat:live")
            == "lambda:function:support-chat")
        #expect(BillingAttribution.generatedKey(arn: "arn:aws:states:us-east-1:123456789012:execution:claims-batch:run-1")
            == "states:stateMachine:claims-batch")
        #expect(BillingAttribution.generatedKey(arn: "arn:aws:sagemaker:us-west-2:123456789012:endpoint/llm-mistral")
            == "sagemaker:endpoint:llm-mistral")
        #expect(BillingAttribution.generatedKey(arn: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc") == nil)
        #expect(BillingAttribution.generatedKey(arn: "i-0abc") == nil)
        let attribution = BillingAttribution(apps: [], learned: ["arn:x": "chat"])
        #expect(attribution.app(tag: "chat", resourceId: "")?.method == .tag)
        #expect(attribution.app(tag: nil, resourceId: "arn:x")?.method == .learnedResource)
        #expect(attribution.app(tag: nil, resourceId: "arn:y") == nil)
        #expect(attribution.app(tag: "", resourceId: "") == nil)
    }

    /// Report rows add up to the total shown: each rounded down, the cents left to the largest remainders.
    @Test func apportionedCentsAddUpToTheRoundedTotal() throws {
        let third = try #require(BillingAmount(parsing: "3.3333333333"))
        #expect(BillingAmount.apportionedCents([third, third, third]) == [Decimal(string: "3.34"), Decimal(string: "3.33"),
                                                                          Decimal(string: "3.33")])
        let parts = try ["0.005", "0.005", "-1.237", "2"].map { try #require(BillingAmount(parsing: $0)) }
        let cents = BillingAmount.apportionedCents(parts)
        #expect(cents.reduce(0, +) == Decimal(string: "0.77"))
        #expect(BillingAmount.apportionedCents([third, third], total: Decimal(string: "6.66")!).reduce(0, +) == Decimal(string: "6.66"))
    }
}
