import CatalogModel

/// `application-inference-profile`: a standalone application inference profile (or one made
/// elsewhere) for cost tracking, with usage rights for existing roles.
struct ApplicationInferenceProfilePattern {
    let context: SynthesisContext
    let properties: ApplicationInferenceProfileProperties

    func build() throws -> SynthesizedTemplate {
        let resolution = try context.bedrockResolution()
        let profileArn: TemplateValue
        let summary: String
        if let existing = properties.existingProfileArn {
            profileArn = .string(existing)
            summary = "usage rights on an existing application inference profile for \(resolution.modelId)"
        } else {
            profileArn = ProfileResource.arn
            summary = "application inference profile for \(resolution.modelId) copied from "
                + context.copySource
        }
        var template = context.template(summary: summary)
        if properties.existingProfileArn == nil {
            ProfileResource.add(to: &template, context: context, name: properties.inferenceProfileName,
                                description: properties.description, copyFrom: resolution.modelSourceArn,
                                tags: properties.tags)
        }
        let roles = (properties.grantTo ?? []).compactMap(ARN.roleName)
        if !roles.isEmpty {
            RolePolicy.add("UsagePolicy", purpose: "profile-usage", roles: roles, statements: InvokeStatements.statements(
                profileArn: profileArn, resolution: resolution, extraProfileActions: ["bedrock:GetInferenceProfile"]),
                           context: context, template: &template)
        }
        if template.resources.isEmpty {
            // A stack needs one resource; this one costs nothing and does nothing, so the stack
            // can still export the existing profile's ARN for other apps.
            template.resource("CatalogEntry", "AWS::CloudFormation::WaitConditionHandle", [:], metadata: [
                "deploycat": "Placeholder: the profile exists elsewhere and no role is granted its use",
            ])
        }
        let export = ApplicationInferenceProfileProperties.exportName(app: context.spec.name)
        if let existing = properties.existingProfileArn {
            template.output("InferenceProfileArn", .string(existing), description: "The existing profile's ARN", export: export)
        } else {
            template.output("InferenceProfileArn", ProfileResource.arn, description: "The profile's ARN", export: export)
            template.output("InferenceProfileId", ProfileResource.id, description: "The profile's id")
        }
        return context.result(template, dependencies: TemplateDependencies(resolution))
    }
}
