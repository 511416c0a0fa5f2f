import CatalogModel
import CatalogSynthesis
import Foundation
import Testing

/// Every resource that can carry tags carries the app's: what splits costs by app, team and
/// cost center once the keys are activated in Billing.
@Suite struct TagPropagationTests {
    /// Each golden template's resources of a type the resource schemas call taggable hold,
    /// at the schema's tag property, every tag of the app (the profile's own tags may add more).
    @Test func everyTaggableResourceOfEveryGoldenTemplateCarriesTheAppsTags() throws {
        let specs = try SynthesisFixtures.examples + SynthesisFixtures.edgeCases
        var checked = 0, types = Set<String>()
        for spec in specs {
            for template in try SynthesisFixtures.templates(spec) {
                let expected = SynthesisFixtures.catalog.effectiveTags(of: spec).values
                let resources = template.body.resources
                #expect(!resources.isEmpty, "\(template.app) \(template.region): no Resources")
                for (logicalId, resource) in resources {
                    guard let type = resource["Type"]?.text else { continue }
                    guard let path = TaggableResourceTypes.byType[type] else { continue }
                    let place = "\(template.app) \(template.region) \(logicalId) (\(type))"
                    let carried = Self.tags(at: path, in: resource["Properties"])
                    let missing = expected.filter { carried[$0.key] != $0.value }.keys.sorted()
                    #expect(missing.isEmpty, "\(place) lacks \(missing) at Properties.\(path)")
                    checked += 1
                    types.insert(type)
                }
            }
        }
        // Every taggable kind the patterns create was seen, so the walk covers what it claims.
        #expect(checked > 100)
        #expect(types.isSuperset(of: ["AWS::Bedrock::ApplicationInferenceProfile", "AWS::Bedrock::Agent",
                                       "AWS::Bedrock::Prompt", "AWS::Lambda::Function", "AWS::IAM::Role",
                                       "AWS::Logs::LogGroup", "AWS::StepFunctions::StateMachine", "AWS::Events::Rule",
                                       "AWS::S3::Bucket", "AWS::KMS::Key", "AWS::SageMaker::Endpoint", "AWS::EC2::VPC"]))
    }

    /// Every taggable type a pattern creates has its tag-policy resource type, so `enforced_for`
    /// entries are matched against what the templates really create.
    @Test func everyTaggableTypeThePatternsCreateHasATagPolicyType() throws {
        var created = Set<String>()
        for spec in try SynthesisFixtures.examples + SynthesisFixtures.edgeCases {
            for template in try SynthesisFixtures.templates(spec) {
                for resource in template.body.resources.values {
                    if let type = resource["Type"]?.text, TaggableResourceTypes.byType[type] != nil {
                        created.insert(type)
                    }
                }
            }
        }
        #expect(created.subtracting(TagPolicyResourceTypes.byCloudFormationType.keys).isEmpty)
    }

    /// The tags at a path such as `Tags` (a list of Key/Value, or a map) or `TagSpecifications/*/Tags`.
    static func tags(at path: String, in properties: TemplateValue?) -> [String: String] {
        let parts = path.split(separator: "/").map(String.init)
        var values = [properties].compactMap { $0 }
        for part in parts {
            values = values.flatMap { value -> [TemplateValue] in
                if part == "*", case let .array(items) = value { return items }
                return value[part].map { [$0] } ?? []
            }
        }
        var tags: [String: String] = [:]
        for value in values {
            switch value {
            case let .array(items):
                for item in items {
                    if let key = item["Key"]?.text, let text = item["Value"]?.text {
                        tags[key] = text
                    }
                }
            case let .object(map):
                for member in map.members { if case let .string(text) = member.value { tags[member.key] = text } }
            default:
                break
            }
        }
        return tags
    }
}
