import CatalogModel

/// `bedrock-agent`: an `AWS::Bedrock::Agent` (prepared on deploy) whose foundation model is
/// its own application inference profile, tagged for cost tracking and copied from the
/// Region's system-defined cross-Region profile (or the model in the Region), or another app's
/// application inference profile; and its service role, which only Bedrock acting for this
/// account's agents in the Region may assume, with invoke rights on exactly what the model
/// routes to.
struct BedrockAgentPattern {
    let context: SynthesisContext
    let properties: BedrockAgentProperties

    func build() throws -> SynthesizedTemplate {
        let resolution = try context.bedrockResolution()
        let shared = try properties.inferenceProfileApp.map { try SharedProfile(app: $0, context: context) }
        let profileArn = shared?.arn ?? ProfileResource.arn
        let route = shared?.summary ?? "its application inference profile copied from \(context.copySource)"
        var template = context.template(summary: "agent calling \(resolution.modelId) through \(route)",
                                        metadata: shared?.metadata(region: context.region) ?? [:])
        if shared == nil {
            // Spend through a system-defined profile cannot be tagged; through the app's own profile it can.
            ProfileResource.add(to: &template, context: context, name: nil, description: nil,
                                copyFrom: resolution.modelSourceArn, tags: nil)
            template.output("InferenceProfileArn", ProfileResource.arn, description: "The agent's application inference profile")
        }
        let statements = InvokeStatements.statements(profileArn: profileArn, resolution: resolution,
                                                     extraProfileActions: ["bedrock:GetInferenceProfile"])
        template.resource("AgentRole", "AWS::IAM::Role", [
            "Description": .string("deploycat \(context.spec.name) in \(context.region): the agent invokes \(resolution.modelId)"),
            "AssumeRolePolicyDocument": ServiceTrust.document(
                service: "bedrock.amazonaws.com",
                sourceArn: "arn:${AWS::Partition}:bedrock:\(context.region):${AWS::AccountId}:agent/*"),
            "Policies": [["PolicyName": "bedrock-invoke", "PolicyDocument": InvokeStatements.document(statements)]],
            "Tags": context.tags(),
        ])
        var agent: TemplateObject = [
            "AgentName": .string(context.spec.name),
            "AgentResourceRoleArn": .getAtt("AgentRole", "Arn"),
            "FoundationModel": profileArn,
            "Instruction": .string(properties.instruction),
            "Description": .string(properties.description ?? "deploycat app \(context.spec.name) in \(context.region)"),
            "AutoPrepare": true,
            "Tags": context.tagMap(),
        ]
        if let ttl = properties.idleSessionTTLInSeconds { agent["IdleSessionTTLInSeconds"] = .number(ttl) }
        if let template = properties.orchestrationPromptTemplate, let configuration = properties.inferenceConfiguration {
            agent["PromptOverrideConfiguration"] = ["PromptConfigurations": [[
                "PromptType": "ORCHESTRATION",
                "PromptCreationMode": "OVERRIDDEN",
                "PromptState": "ENABLED",
                "ParserMode": "DEFAULT",
                "BasePromptTemplate": .string(template),
                "InferenceConfiguration": Self.inference(configuration),
            ]]]
        }
        template.resource("Agent", "AWS::Bedrock::Agent", agent, checkov: [CheckovSkip("CKV_AWS_373",
            "The agent keeps only its instruction and settings, which Bedrock encrypts with an AWS owned key; the "
            + "template turns on no agent memory, so no conversation is stored")])
        template.output("AgentId", .getAtt("Agent", "AgentId"), description: "The agent's id")
        template.output("AgentArn", .getAtt("Agent", "AgentArn"), description: "The agent's ARN")
        template.output("AgentRoleArn", .getAtt("AgentRole", "Arn"), description: "The agent's service role")
        return context.result(template, dependencies: try context.dependencies(sharing: shared))
    }

    private static func inference(_ configuration: BedrockAgentProperties.InferenceConfiguration) -> TemplateValue {
        var settings: TemplateObject = [:]
        if let value = configuration.temperature { settings["Temperature"] = .decimal(value) }
        if let value = configuration.topP { settings["TopP"] = .decimal(value) }
        if let value = configuration.topK { settings["TopK"] = .number(value) }
        if let value = configuration.maximumLength { settings["MaximumLength"] = .number(value) }
        if let value = configuration.stopSequences { settings["StopSequences"] = .strings(value) }
        return .object(settings)
    }
}
