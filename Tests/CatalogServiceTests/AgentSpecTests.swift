import CatalogModel
import CatalogService
import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// `bedrock-agent` specs: every problem named with its field and what is allowed.
@Suite struct AgentSpecTests {
    let folder = try! TemporaryDirectory()

    func issues(_ properties: String, apps: [String: AppSpec] = [:]) throws -> [String] {
        let file = folder.path("spec-\(UUID().uuidString).yaml")
        try ("name: helpdesk\nteam: it\npattern: bedrock-agent\nregions: [eu-central-1]\nproperties:\n" + properties)
            .write(toFile: file, atomically: true, encoding: .utf8)
        let spec = try SpecReader().specs([file])[0]
        return AppSpecValidator(catalog: try DefaultCatalog.snapshot(), apps: apps).issues(spec).map(\.description)
    }

    @Test func theExampleHasNoIssues() throws {
        let spec = try SpecReader().specs([PackagePaths.root.appendingPathComponent("examples/it-helpdesk-agent.yaml").path])[0]
        #expect(AppSpecValidator(catalog: try DefaultCatalog.snapshot()).issues(spec) == [])
    }

    @Test func instructionSessionAndDescriptionFollowCloudFormation() throws {
        let found = try issues("""
              foundationModel: anthropic.claude-sonnet-4-6
              instruction: Help people.
              description: ""
              idleSessionTTLInSeconds: 30

            """)
        #expect(found == [
            "properties.instruction: is 12 characters; an agent's instruction needs at least 40",
            "properties.description: must be 1 to 200 characters",
            "properties.idleSessionTTLInSeconds: 30 is outside 60 to 5400 (seconds)",
        ])
    }

    @Test func theModelMustBeCallableFromTheRegion() throws {
        let found = try issues("""
              foundationModel: anthropic.claude-sonnet-4-6
              crossRegion: false
              instruction: Answer questions about laptops, accounts and access.

            """)
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("regions[0]: model \"anthropic.claude-sonnet-4-6\" is offered in \"eu-central-1\" only "
            + "through inference profiles"))
    }

    @Test func anotherAppsProfileReplacesTheCrossRegionChoice() throws {
        let shared = try SpecReader().specs([PackagePaths.root.appendingPathComponent("examples/analytics-profile.yaml").path])[0]
        let found = try issues("""
              foundationModel: anthropic.claude-sonnet-4-5-20250929-v1:0
              inferenceProfileApp: analytics-profile
              crossRegion: true
              instruction: Answer questions about laptops, accounts and access.

            """, apps: ["analytics-profile": shared])
        #expect(found == [
            "regions[0]: app \"analytics-profile\" has no profile in \"eu-central-1\"; its Regions: us-east-1, us-west-2",
            "properties.crossRegion: does not apply: the profile of app \"analytics-profile\" is used as it is, routing "
                + "as its modelSource says",
        ])
    }

    /// An agent answers in text: an embedding or image model cannot be its model.
    @Test func theModelMustAnswerInText() throws {
        let found = try issues("""
              foundationModel: amazon.titan-embed-text-v2:0
              crossRegion: false
              instruction: Answer questions about laptops, accounts and access.

            """)
        #expect(found == ["properties.foundationModel: model \"amazon.titan-embed-text-v2:0\" returns EMBEDDING, not "
            + "text; an agent needs a model that answers in text"])
        let blank = try issues("  foundationModel: anthropic.claude-sonnet-4-6\n  instruction: \"" + String(repeating: " ", count: 45)
            + "Help.\"\n")
        #expect(blank == ["properties.instruction: is 5 characters; an agent's instruction needs at least 40"])
    }

    @Test func orchestrationSettingsComeWithTheirOwnTemplateAndFollowCloudFormation() throws {
        let alone = try issues("""
              foundationModel: anthropic.claude-sonnet-4-6
              instruction: Answer questions about laptops, accounts and access.
              inferenceConfiguration: { temperature: 2, topK: 501, maximumLength: 200000, stopSequences: ["a", "b", "c", "d", ""] }

            """)
        #expect(alone == [
            "properties.orchestrationPromptTemplate: is required with inferenceConfiguration: Bedrock applies inference "
                + "settings only to an orchestration prompt whose template is overridden; start from the model's default "
                + "template (the agent's Advanced prompts in the Bedrock console)",
            "properties.inferenceConfiguration.temperature: 2.0 is outside 0 to 1",
            "properties.inferenceConfiguration.topK: 501 is outside 0 to 500",
            "properties.inferenceConfiguration.maximumLength: 200000 is outside 0 to 131072",
            "properties.inferenceConfiguration.stopSequences: has 5 entries; at most 4 are allowed",
            "properties.inferenceConfiguration.stopSequences[4]: must not be empty",
        ])
        let templateAlone = try issues("""
              foundationModel: anthropic.claude-sonnet-4-6
              instruction: Answer questions about laptops, accounts and access.
              orchestrationPromptTemplate: "$instruction$ $tools$"

            """)
        #expect(templateAlone == [
            "properties.orchestrationPromptTemplate: anthropic.claude-sonnet-4-6 takes an orchestration template in the "
                + "Messages API's JSON form: {\"anthropic_version\": \"bedrock-2023-05-31\", \"system\": \"...\", "
                + "\"messages\": [...]}; start from the model's default template",
            "properties.inferenceConfiguration: is required with orchestrationPromptTemplate: an overridden orchestration "
                + "prompt takes its own inference settings",
        ])
    }

    /// Claude 4.5 and later refuse temperature and top-p together; older models take both.
    @Test func recentClaudeModelsTakeTemperatureOrTopPNotBoth() throws {
        func found(_ model: String) throws -> [String] {
            try issues("""
                  foundationModel: \(model)
                  instruction: Answer questions about laptops, accounts and access.
                  orchestrationPromptTemplate: '{"anthropic_version": "bedrock-2023-05-31", "system": "$instruction$", "messages": []}'
                  inferenceConfiguration: { temperature: 0.2, topP: 0.9 }

                """)
        }
        #expect(try found("anthropic.claude-sonnet-4-6") == ["properties.inferenceConfiguration.topP: "
            + "anthropic.claude-sonnet-4-6 takes temperature or topP, not both (Claude 4.5 and later refuse the pair); keep one"])
        #expect(try found("anthropic.claude-sonnet-4-20250514-v1:0").isEmpty)
    }
}
