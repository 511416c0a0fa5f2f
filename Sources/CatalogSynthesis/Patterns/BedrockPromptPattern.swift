import CatalogModel

/// `bedrock-prompt`: an `AWS::Bedrock::Prompt` whose one variant calls its model through the
/// Region's system-defined cross-Region profile, the model in the Region alone, or another
/// app's application inference profile. A prompt grants nothing: whoever runs it needs invoke
/// rights on what it routes to, which the template's metadata lists.
struct BedrockPromptPattern {
    let context: SynthesisContext
    let properties: BedrockPromptProperties

    func build() throws -> SynthesizedTemplate {
        let resolution = try context.bedrockResolution()
        let variant = properties.variant
        let shared = try variant.inferenceProfileApp.map { try SharedProfile(app: $0, context: context) }
        let route = shared?.summary ?? resolution.profileId.map { "the cross-Region profile \($0)" }
            ?? "the model in \(context.region)"
        var template = context.template(summary: "prompt calling \(resolution.modelId) through \(route)",
                                        metadata: shared?.metadata(region: context.region) ?? [:])
        var entry: [String: TemplateValue] = [
            "Name": .string(variant.name),
            "TemplateType": "TEXT",
            "TemplateConfiguration": ["Text": [
                "Text": .string(variant.text),
                "InputVariables": .array(variant.inputVariables.map { ["Name": .string($0)] }),
            ]],
            "ModelId": shared?.arn ?? ArnValue.of(resolution.modelSourceArn),
        ]
        if let configuration = variant.inferenceConfiguration {
            var text: [String: TemplateValue] = [:]
            if let value = configuration.temperature { text["Temperature"] = .decimal(value) }
            if let value = configuration.topP { text["TopP"] = .decimal(value) }
            if let value = configuration.maxTokens { text["MaxTokens"] = .number(value) }
            if let value = configuration.stopSequences { text["StopSequences"] = .strings(value) }
            entry["InferenceConfiguration"] = ["Text": .object(text)]
        }
        template.resource("Prompt", "AWS::Bedrock::Prompt", [
            "Name": .string(context.spec.name),
            "Description": .string(properties.description ?? "deploycat app \(context.spec.name) in \(context.region)"),
            "DefaultVariant": .string(variant.name),
            "Variants": [.object(entry)],
            "Tags": ResourceTags.map(spec: context.spec),
        ])
        template.output("PromptArn", .getAtt("Prompt", "Arn"), description: "The prompt's ARN")
        template.output("PromptId", .getAtt("Prompt", "Id"), description: "The prompt's id")
        return context.result(template, dependencies: try context.dependencies(sharing: shared))
    }
}
