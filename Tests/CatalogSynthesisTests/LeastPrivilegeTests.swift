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
                guard grantsAnything else { continue }  // a profile made elsewhere, with no role to grant
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
                for (sid, statement) in template.body.statements where statement["Resource"] == "*" {
                    let actions = statement["Action"]?.elements.compactMap(\.text) ?? []
                    #expect(actions.allSatisfy { $0.hasPrefix("xray:") || $0.hasPrefix("ec2:Describe") },
                            "\(template.app): \(sid) uses * for \(actions)")
                    let reasons = template.body.resources["FunctionRole"]?["Metadata"]?["deploycat"]?["wildcardResources"]
                    for action in actions {
                        #expect(reasons?[action]?.text?.isEmpty == false, "\(template.app): no reason given for \(action) on *")
                    }
                }
            }
        }
    }

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
