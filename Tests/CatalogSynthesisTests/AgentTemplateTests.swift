import CatalogModel
import CatalogSynthesis
import Testing

/// An agent's role may be assumed only by Bedrock for this account's agents in the Region, and
/// invokes exactly what its model routes to.
@Suite struct AgentTemplateTests {
    func agent(_ region: String, _ properties: String) throws -> SynthesizedTemplate {
        let spec = try SynthesisFixtures.spec("""
            name: helpdesk
            team: it
            pattern: bedrock-agent
            regions: [\(region)]
            properties:
              instruction: Answer questions about laptops, accounts and access.
            \(properties)
            """)
        return try SynthesisFixtures.template(spec, region: region)
    }

    @Test func theRoleTrustsOnlyThisAccountsAgentsInTheRegion() throws {
        let template = try agent("eu-central-1", "  foundationModel: anthropic.claude-sonnet-4-6")
        let trust = template.body.resources["AgentRole"]?["Properties"]?["AssumeRolePolicyDocument"]?["Statement"]?.elements.first
        #expect(trust?["Principal"] == ["Service": "bedrock.amazonaws.com"])
        #expect(trust?["Condition"]?["StringEquals"]?["aws:SourceAccount"] == ["Ref": "AWS::AccountId"])
        #expect(trust?["Condition"]?["ArnLike"]?["aws:SourceArn"]?.text
            == "arn:${AWS::Partition}:bedrock:eu-central-1:${AWS::AccountId}:agent/*")
        // The agent calls its own application profile, which copies from the eu.* profile, which routes to
        // the model in six Regions.
        let agent = template.body.resources["Agent"]?["Properties"]
        #expect(agent?["FoundationModel"] == ["Fn::GetAtt": ["InferenceProfile", "InferenceProfileArn"]])
        #expect(template.body.resources["InferenceProfile"]?["Properties"]?["ModelSource"]?["CopyFrom"]?.text
            == "arn:${AWS::Partition}:bedrock:eu-central-1:${AWS::AccountId}:inference-profile/eu.anthropic.claude-sonnet-4-6")
        #expect(template.body.statements["InvokeThroughInferenceProfile"]?["Resource"]?.elements.count == 2)
        #expect(template.body.statements["InvokeFoundationModelInDestinationRegions"]?["Resource"]?.elements.count == 6)
    }

    @Test func aModelInTheRegionAloneIsCopiedIntoTheAgentsOwnProfile() throws {
        let template = try agent("us-west-2", "  foundationModel: anthropic.claude-3-haiku-20240307-v1:0\n  crossRegion: false")
        #expect(template.body.resources["InferenceProfile"]?["Properties"]?["ModelSource"]?["CopyFrom"]?.text
            == "arn:${AWS::Partition}:bedrock:us-west-2::foundation-model/anthropic.claude-3-haiku-20240307-v1:0")
        #expect(template.body.statements["InvokeThroughInferenceProfile"]?["Resource"]
            == [["Fn::GetAtt": ["InferenceProfile", "InferenceProfileArn"]]])
        #expect(template.body.statements["InvokeFoundationModelInDestinationRegions"]?["Resource"]?.elements.count == 1)
    }

    @Test func anotherAppsProfileIsImported() throws {
        let template = try agent("us-west-2", """
              foundationModel: anthropic.claude-sonnet-4-5-20250929-v1:0
              inferenceProfileApp: analytics-profile
            """)
        let imported: TemplateValue = ["Fn::ImportValue": "deploycat-analytics-profile-InferenceProfileArn"]
        #expect(template.body.resources["Agent"]?["Properties"]?["FoundationModel"] == imported)
        #expect(template.body.resources["InferenceProfile"] == nil)
        #expect(template.body.statements["InvokeThroughInferenceProfile"]?["Resource"]?.elements.first == imported)
        #expect(template.dependencies.apps == ["analytics-profile"])
    }

    @Test func orchestrationSettingsOverrideTheOrchestrationPrompt() throws {
        let template = try agent("eu-central-1", """
              foundationModel: anthropic.claude-sonnet-4-6
              orchestrationPromptTemplate: '{"anthropic_version": "bedrock-2023-05-31", "system": "$instruction$", "messages": []}'
              inferenceConfiguration: { temperature: 0, topK: 250, maximumLength: 2048, stopSequences: ["</answer>"] }
            """)
        let configuration = template.body.resources["Agent"]?["Properties"]?["PromptOverrideConfiguration"]?["PromptConfigurations"]?
            .elements.first
        #expect(configuration?["PromptType"] == "ORCHESTRATION" && configuration?["PromptCreationMode"] == "OVERRIDDEN")
        #expect(configuration?["BasePromptTemplate"]
            == #"{"anthropic_version": "bedrock-2023-05-31", "system": "$instruction$", "messages": []}"#)
        #expect(configuration?["InferenceConfiguration"]
            == ["Temperature": .decimal(0), "TopK": 250, "MaximumLength": 2048, "StopSequences": ["</answer>"]])
    }
}
