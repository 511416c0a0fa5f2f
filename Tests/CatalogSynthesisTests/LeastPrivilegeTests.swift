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

    /// A `*` anywhere in a granted resource (`*`, `arn:...:job/*`, `bucket/output/*`) is there only
    /// for actions that can name nothing narrower, and the holder's metadata gives the reason for
    /// exactly those actions; in a key policy, where `*` means the key itself, under `KeyPolicy`.
    @Test func everyWildcardResourceIsListedWithItsReason() throws {
        var checked = 0
        for spec in try SynthesisFixtures.examples + SynthesisFixtures.edgeCases {
            for template in try SynthesisFixtures.templates(spec) {
                for (id, resource) in template.body.resources.sorted(by: { $0.key < $1.key }) {
                    guard let documents = Self.policyDocuments(of: resource) else { continue }
                    let isKey = resource["Type"]?.text == "AWS::KMS::Key"
                    var wildcardActions: Set<String> = []
                    for statement in documents.flatMap({ $0["Statement"]?.elements ?? [] })
                    where statement["Effect"]?.text == "Allow" && Self.hasWildcard(statement["Resource"]) {
                        if isKey {
                            wildcardActions.insert("KeyPolicy")
                        } else {
                            let action = statement["Action"]
                            wildcardActions.formUnion(action?.text.map { [$0] } ?? action?.elements.compactMap(\.text) ?? [])
                        }
                    }
                    let reasons = resource["Metadata"]?["deploycat"]?["wildcardResources"]
                    let listed: [String: TemplateValue] = if case let .object(members)? = reasons { members.dictionary } else { [:] }
                    #expect(Set(listed.keys) == wildcardActions,
                            "\(template.app) in \(template.region): \(id) lists \(listed.keys.sorted()) but uses * for \(wildcardActions.sorted())")
                    for (action, reason) in listed {
                        #expect(reason.text?.isEmpty == false, "\(template.app): \(id) gives no reason for \(action)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 30)
    }

    /// The policy documents of a role (inline policies), a policy, a managed policy or a KMS key.
    static func policyDocuments(of resource: TemplateValue) -> [TemplateValue]? {
        let properties = resource["Properties"]
        switch resource["Type"]?.text {
        case "AWS::IAM::Role": return properties?["Policies"]?.elements.compactMap { $0["PolicyDocument"] } ?? []
        case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy": return [properties?["PolicyDocument"]].compactMap { $0 }
        case "AWS::KMS::Key": return [properties?["KeyPolicy"]].compactMap { $0 }
        default: return nil
        }
    }

    /// Whether any text in a statement's resources (literal, or inside an intrinsic function) holds `*`.
    static func hasWildcard(_ value: TemplateValue?) -> Bool {
        switch value {
        case let .string(text)?: text.contains("*")
        case let .array(values)?: values.contains { hasWildcard($0) }
        case let .object(members)?: members.values.contains { hasWildcard($0) }
        default: false
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
