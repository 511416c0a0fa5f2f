import CatalogModel
import Crypto

/// The `AWS::Bedrock::ApplicationInferenceProfile` resource of a pattern that creates its own
/// profile: the application profile its calls go through, tagged for cost tracking.
enum ProfileResource {
    static let logicalId = "InferenceProfile"

    /// `<app>-<region>` when it fits the name rules, else its first characters and a stable
    /// digest, so the name is unique per app and Region and never changes between runs.
    static func defaultName(app: String, region: String) -> String {
        let name = "\(app)-\(region)"
        if ProfileNaming.isValidName(name) { return name }
        let digest = Hex.encode(SHA256.hash(data: Array(name.utf8)).prefix(4))
        var prefix = String(name.prefix(64 - 9))
        while let last = prefix.last, !(last.isLetter || last.isNumber) { prefix.removeLast() }
        return "\(prefix)-\(digest)"
    }

    static func add(
        to template: inout TemplateBuilder, context: SynthesisContext, name: String?, description: String?,
        copyFrom: String, tags: TagMap?
    ) {
        let profileName = name ?? defaultName(app: context.spec.name, region: context.region)
        template.resource(logicalId, "AWS::Bedrock::ApplicationInferenceProfile", [
            "InferenceProfileName": .string(profileName),
            "Description": .string(description ?? "deploycat app \(context.spec.name) in \(context.region)"),
            "ModelSource": ["CopyFrom": ArnValue.of(copyFrom)],
            "Tags": context.tags(adding: tags),
        ])
    }

    static var arn: TemplateValue { .getAtt(logicalId, "InferenceProfileArn") }
    static var id: TemplateValue { .getAtt(logicalId, "InferenceProfileId") }
}
