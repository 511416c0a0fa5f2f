import CatalogModel

/// `bedrock-prompt`: an `AWS::Bedrock::Prompt` whose one variant calls its model through the
/// Region's system-defined cross-Region profile, the model in the Region alone, or another
/// app's application inference profile; or lets a default prompt router of the Region pick the
/// model per request. A prompt grants nothing: whoever runs it needs invoke rights on what it
/// routes to, which the template's metadata lists.
struct BedrockPromptPattern {
    let context: SynthesisContext
    let properties: BedrockPromptProperties

    func build() throws -> SynthesizedTemplate {
        let variant = properties.variant
        var entry: TemplateObject = [
            "Name": .string(variant.name),
            "TemplateType": "TEXT",
            "TemplateConfiguration": ["Text": [
                "Text": .string(variant.text),
                "InputVariables": .array(variant.inputVariables.map { ["Name": .string($0)] }),
            ]],
        ]
        if let configuration = variant.inferenceConfiguration {
            var text: TemplateObject = [:]
            if let value = configuration.temperature { text["Temperature"] = .decimal(value) }
            if let value = configuration.topP { text["TopP"] = .decimal(value) }
            if let value = configuration.maxTokens { text["MaxTokens"] = .number(value) }
            if let value = configuration.stopSequences { text["StopSequences"] = .strings(value) }
            if !text.isEmpty { entry["InferenceConfiguration"] = ["Text": .object(text)] }
            if let topK = configuration.topK, let model = variant.model, let field = TopKField.of(modelId: model) {
                entry["AdditionalModelRequestFields"] = field.path.reversed().reduce(.number(topK)) { value, key in [key: value] }
            }
        }
        let summary: String, metadata: TemplateObject, dependencies: TemplateDependencies
        if let router = variant.promptRouter {
            let arn = "arn:${AWS::Partition}:bedrock:${AWS::Region}:${AWS::AccountId}:default-prompt-router/\(router.defaultId)"
            entry["ModelId"] = .sub(arn)
            summary = "prompt routed by the default prompt router \(router.defaultId)"
            metadata = ["callersNeed": .string("bedrock:GetPromptRouter on the router, and invoke rights on the models it "
                + "routes to (aws bedrock get-prompt-router names them)")]
            dependencies = TemplateDependencies(regions: [context.region])
        } else {
            let resolution = try context.bedrockResolution()
            let shared = try variant.inferenceProfileApp.map { try SharedProfile(app: $0, context: context) }
            let route = shared?.summary ?? resolution.profileId.map { "the cross-Region profile \($0)" }
                ?? "the model in \(context.region)"
            entry["ModelId"] = shared?.arn ?? ArnValue.of(resolution.modelSourceArn)
            summary = "prompt calling \(resolution.modelId) through \(route)"
            metadata = shared?.metadata(region: context.region) ?? [:]
            dependencies = try context.dependencies(sharing: shared)
        }
        var template = context.template(summary: summary, metadata: metadata)
        template.resource("Prompt", "AWS::Bedrock::Prompt", [
            "Name": .string(context.spec.name),
            "Description": .string(properties.description ?? "deploycat app \(context.spec.name) in \(context.region)"),
            "DefaultVariant": .string(variant.name),
            "Variants": [.object(entry)],
            "Tags": context.tagMap(),
        ])
        template.output("PromptArn", .getAtt("Prompt", "Arn"), description: "The prompt's ARN")
        template.output("PromptId", .getAtt("Prompt", "Id"), description: "The prompt's id")
        return context.result(template, dependencies: dependencies)
    }
}
