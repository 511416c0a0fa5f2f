import CatalogModel
import CatalogSynthesis
import Testing

/// IAM in every template covers exactly the Regions the catalog says a request may be served
/// in: none missing (AccessDenied when Bedrock routes there), none extra.
@Suite struct LeastPrivilegeTests {
    @Test func foundationModelRightsMatchTheDestinationRegionsExactly() throws {
        let resolver = InvocationResolver(catalog: SynthesisFixtures.catalog)
        for spec in try SynthesisFixtures.examples + SynthesisFixtures.edgeCases {
            for template in try SynthesisFixtures.templates(spec) {
                let grantsAnything = template.body.resources.values.contains { $0["Type"]?.text?.hasPrefix("AWS::IAM::") == true }
                // A profile made elsewhere has no role to grant; a SageMaker endpoint calls no Bedrock model.
                let callsBedrock = template.body["Metadata"]?["deploycat"]?["routing"] != nil
                guard grantsAnything, callsBedrock else { continue }
                let statement = try #require(template.body.statements["InvokeFoundationModelInDestinationRegions"],
                                             "\(template.app) in \(template.region) grants no model use")
                let granted = Set(statement["Resource"]?.elements.compactMap(\.text) ?? [])
                let model = try #require(template.dependencies.models.first)
                let routing = template.body["Metadata"]?["deploycat"]?["routing"]
                let profile = routing?["systemProfile"]?.text
                let resolution = try resolver.resolve(
                    modelId: model, region: template.region, crossRegion: profile != nil,
                    geography: profile.map { String($0.prefix { $0 != "." }) })
                let expected = Set(resolution.foundationModelArns.map {
                    $0.replacingOccurrences(of: "arn:aws:", with: "arn:${AWS::Partition}:")
                })
                #expect(granted == expected, "\(template.app) in \(template.region)")
                #expect(!granted.contains { $0.contains("*") }, "\(template.app) grants a wildcard model")
            }
        }
    }

    @Test func theProfileStatementNamesTheApplicationAndTheSystemProfile() throws {
        let spec = try #require(try SynthesisFixtures.examples.first { $0.name == "support-chat" })
        let template = try SynthesisFixtures.template(spec, region: "eu-west-1")
        let statement = try #require(template.body.statements["InvokeThroughInferenceProfile"])
        #expect(statement["Resource"] == [
            ["Fn::GetAtt": ["InferenceProfile", "InferenceProfileArn"]],
            ["Fn::Sub": "arn:${AWS::Partition}:bedrock:eu-west-1:${AWS::AccountId}:inference-profile/eu.anthropic.claude-haiku-4-5-20251001-v1:0"],
        ])
        #expect(statement["Action"] == ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"])
    }

    @Test func wildcardsAreOnlyWhereAWSAllowsNothingNarrowerAndSayWhy() throws {
        for spec in try SynthesisFixtures.examples + SynthesisFixtures.edgeCases {
            for template in try SynthesisFixtures.templates(spec) {
                for (holder, statement) in template.body.policyStatements where statement["Resource"] == "*" {
                    let actions = statement["Action"]?.elements.compactMap(\.text) ?? []
                    let sid = statement["Sid"]?.text ?? "?"
                    #expect(actions.allSatisfy { action in Self.onlyOnAnyResource.contains { action.hasPrefix($0) } },
                            "\(template.app): \(holder) \(sid) uses * for \(actions)")
                    if actions.contains("cloudwatch:PutMetricData") {
                        #expect(statement["Condition"]?["StringLike"]?["cloudwatch:namespace"] != nil,
                                "\(template.app): metrics on * without a namespace condition")
                    }
                    let reasons = template.body.resources[holder]?["Metadata"]?["deploycat"]?["wildcardResources"]
                    for action in actions {
                        #expect(reasons?[action]?.text?.isEmpty == false,
                                "\(template.app): \(holder) gives no reason for \(action) on *")
                    }
                }
            }
        }
    }

    /// Actions AWS authorizes on no narrower resource than `*`.
    static let onlyOnAnyResource = ["xray:", "ec2:Describe", "ecr:GetAuthorizationToken", "cloudwatch:PutMetricData",
                                    "states:SendTaskSuccess", "states:SendTaskFailure"]

    @Test func singleRegionGrantsTheModelInTheRegionOnly() throws {
        let spec = try #require(try SynthesisFixtures.examples.first { $0.name == "catalog-search" })
        let template = try SynthesisFixtures.template(spec, region: "eu-central-1")
        let statement = try #require(template.body.statements["InvokeFoundationModelInDestinationRegions"])
        #expect(statement["Resource"] == [
            ["Fn::Sub": "arn:${AWS::Partition}:bedrock:eu-central-1::foundation-model/amazon.titan-embed-text-v2:0"],
        ])
        let profile = template.body.resources["InferenceProfile"]?["Properties"]?["ModelSource"]?["CopyFrom"]
        #expect(profile?.text == "arn:${AWS::Partition}:bedrock:eu-central-1::foundation-model/amazon.titan-embed-text-v2:0")
    }
}
