import CatalogModel
import CatalogSynthesis
import Testing

/// A prompt's variant calls exactly what the catalog routes it to.
@Suite struct PromptTemplateTests {
    func prompt(_ variant: String) throws -> SynthesizedTemplate {
        let spec = try SynthesisFixtures.spec("""
            name: reply
            team: cx
            pattern: bedrock-prompt
            regions: [us-west-2]
            properties:
              variants:
                - { name: a, \(variant) }
            """)
        return try SynthesisFixtures.template(spec, region: "us-west-2")
    }

    func variant(_ template: SynthesizedTemplate) -> TemplateValue? {
        template.body.resources["Prompt"]?["Properties"]?["Variants"]?.elements.first
    }

    @Test func theModelAloneWhenNotCrossRegion() throws {
        let template = try prompt("text: hi, model: anthropic.claude-3-haiku-20240307-v1:0, crossRegion: false")
        #expect(variant(template)?["ModelId"]?.text
            == "arn:${AWS::Partition}:bedrock:us-west-2::foundation-model/anthropic.claude-3-haiku-20240307-v1:0")
        #expect(template.dependencies.regions == ["us-west-2"])
        #expect(template.dependencies.profiles == [])
    }

    @Test func anotherAppsProfileIsImportedAndDependedOn() throws {
        let template = try prompt("text: hi, model: anthropic.claude-sonnet-4-5-20250929-v1:0, inferenceProfileApp: analytics-profile")
        #expect(variant(template)?["ModelId"] == ["Fn::ImportValue": "deploycat-analytics-profile-InferenceProfileArn"])
        #expect(template.dependencies.apps == ["analytics-profile"])
        #expect(template.body["Metadata"]?["deploycat"]?["deployAfter"]
            == ["analytics-profile in us-west-2: this stack imports its profile ARN"])
    }

    @Test func aDefaultRouterOfTheRegionPicksTheModel() throws {
        let template = try prompt("text: hi, promptRouter: { defaultId: anthropic.claude:1 }")
        #expect(variant(template)?["ModelId"]
            == ["Fn::Sub": "arn:${AWS::Partition}:bedrock:${AWS::Region}:${AWS::AccountId}:default-prompt-router/anthropic.claude:1"])
        #expect(template.dependencies == TemplateDependencies(regions: ["us-west-2"], tagDefaults: ["*", "cx"]))
        #expect(template.body["Metadata"]?["deploycat"]?["routing"] == nil)
        #expect(template.body["Metadata"]?["deploycat"]?["callersNeed"]?.text?.contains("bedrock:GetPromptRouter") == true)
    }

    @Test func topKGoesIntoTheModelsOwnRequestFields() throws {
        let claude = try prompt("text: hi, model: anthropic.claude-sonnet-4-6, inferenceConfiguration: { topK: 40, temperature: 0.2 }")
        #expect(variant(claude)?["AdditionalModelRequestFields"] == ["top_k": 40])
        #expect(variant(claude)?["InferenceConfiguration"]?["Text"] == ["Temperature": .decimal(0.2)])
        let nova = try prompt("text: hi, model: amazon.nova-pro-v1:0, inferenceConfiguration: { topK: 20 }")
        #expect(variant(nova)?["AdditionalModelRequestFields"] == ["inferenceConfig": ["topK": 20]])
        #expect(variant(nova)?["InferenceConfiguration"] == nil)
    }

    @Test func inputVariablesComeFromTheText() throws {
        let template = try prompt(#"text: "{{a}} {{b-c}} {{a}}", model: anthropic.claude-sonnet-4-6"#)
        #expect(variant(template)?["TemplateConfiguration"]?["Text"]?["InputVariables"] == [["Name": "a"], ["Name": "b-c"]])
    }
}
