import CatalogModel
import CatalogService
import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// `bedrock-prompt` specs: every problem named with its field and what is allowed.
@Suite struct PromptSpecTests {
    let folder = try! TemporaryDirectory()

    static let base = """
        name: reply
        team: cx
        pattern: bedrock-prompt
        regions: [us-west-2]

        """

    func issues(_ yaml: String, apps: [String: AppSpec] = [:]) throws -> [String] {
        let file = folder.path("spec-\(UUID().uuidString).yaml")
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        let spec = try SpecReader().specs([file])[0]
        return AppSpecValidator(catalog: try DefaultCatalog.snapshot(), apps: apps).issues(spec).map(\.description)
    }

    @Test func aValidPromptHasNoIssues() throws {
        #expect(try issues(String(contentsOfFile: PackagePaths.root.appendingPathComponent(
            "examples/support-reply-prompt.yaml").path, encoding: .utf8)) == [])
    }

    @Test func everyVariantProblemIsNamed() throws {
        let found = try issues(Self.base + """
            properties:
              description: ""
              variants:
                - name: draft reply
                  model: anthropic.claude-sonnet-4-6
                  text: "Hello {{first name}} and {{ok_name}}"
                  inferenceConfiguration:
                    temperature: 1.5
                    topP: -0.1
                    maxTokens: 0
                    stopSequences: [a, b, c, d, ""]
                - name: second
                  model: anthropic.claude-sonnet-4-6
                  text: hi

            """)
        #expect(found == [
            "properties.description: must be 1 to 200 characters",
            "properties.variants[0].name: \"draft reply\" is not a variant name: 1 to 100 letters and digits, each "
                + "followed by at most one _ or -",
            "properties.variants[0].text: \"{{first name}}\" is not a variable: 1 to 100 letters and digits, each "
                + "followed by at most one _ or -",
            "properties.variants[0].inferenceConfiguration.temperature: 1.5 is outside 0 to 1",
            "properties.variants[0].inferenceConfiguration.topP: -0.1 is outside 0 to 1",
            "properties.variants[0].inferenceConfiguration.topP: anthropic.claude-sonnet-4-6 takes temperature or topP, not both "
                + "(Claude 4.5 and later refuse the pair); keep one",
            "properties.variants[0].inferenceConfiguration.maxTokens: 0 is outside 1 to 512000",
            "properties.variants[0].inferenceConfiguration.stopSequences: has 5 entries; at most 4 are allowed",
            "properties.variants[0].inferenceConfiguration.stopSequences[4]: must not be empty",
            "properties.variants[1]: CloudFormation accepts one variant per prompt today (AWS::Bedrock::Prompt); make "
                + "one bedrock-prompt app per variant",
        ])
    }

    @Test func theModelIsCheckedAgainstTheCatalog() throws {
        let found = try issues(Self.base + """
            properties:
              variants: [{ name: a, model: anthropic.claude-sonet-4-6, text: hi }]

            """)
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("properties.variants[0].model: model \"anthropic.claude-sonet-4-6\" is not in the catalog"))
        #expect(try issues(Self.base + "properties:\n  variants: []\n")
            == ["properties.variants: name one variant: { name, text, model } or { name, text, promptRouter }"])
        #expect(try issues(Self.base + "properties:\n  variants: [{ name: a, text: hi }]\n")
            == ["properties.variants[0]: give model (a catalog model) or promptRouter ({ defaultId: anthropic.claude:1 })"])
    }

    @Test func aRouterPicksTheModelSoTheModelsOwnSettingsDoNotApply() throws {
        #expect(try issues(Self.base + """
            properties:
              variants: [{ name: a, text: hi, promptRouter: { defaultId: anthropic.claude:1 } }]

            """) == [])
        let found = try issues(Self.base + """
            properties:
              variants:
                - name: a
                  text: hi
                  model: anthropic.claude-sonnet-4-6
                  crossRegion: false
                  promptRouter: { defaultId: "anthropic claude" }
                  inferenceConfiguration: { topK: 50 }

            """)
        #expect(found == [
            "properties.variants[0].promptRouter.defaultId: \"anthropic claude\" is not a default prompt router id such as "
                + "\"anthropic.claude:1\" or \"meta.llama:1\"",
            "properties.variants[0].model: give either model or promptRouter, not both",
            "properties.variants[0].crossRegion: does not apply with promptRouter: the router picks the model",
            "properties.variants[0].inferenceConfiguration.topK: does not apply with promptRouter: the router picks the "
                + "model, and top-k is a field of each model's own request",
        ])
    }

    @Test func topKIsCheckedAgainstWhatTheModelsProviderTakes() throws {
        func topK(_ model: String, _ value: Int) throws -> [String] {
            try issues(Self.base + "properties:\n  variants: [{ name: a, text: hi, model: \(model), "
                + "inferenceConfiguration: { topK: \(value) } }]\n")
        }
        #expect(try topK("anthropic.claude-sonnet-4-6", 500) == [])
        #expect(try topK("anthropic.claude-sonnet-4-6", 501)
            == ["properties.variants[0].inferenceConfiguration.topK: 501 is outside 0 to 500"])
        #expect(try topK("amazon.nova-pro-v1:0", 129)
            == ["properties.variants[0].inferenceConfiguration.topK: 129 is outside 0 to 128"])
        #expect(try topK("meta.llama3-3-70b-instruct-v1:0", 10) == [
            "properties.variants[0].inferenceConfiguration.topK: deploycat knows how Anthropic Claude (top_k, 0 to 500) "
                + "and Amazon Nova (inferenceConfig.topK, 0 to 128) models take top-k, not meta.llama3-3-70b-instruct-v1:0; "
                + "leave topK out",
        ])
    }

    @Test func anotherAppsProfileReplacesTheCrossRegionChoice() throws {
        let shared = try SpecReader().specs([PackagePaths.root.appendingPathComponent("examples/analytics-profile.yaml").path])[0]
        let found = try issues(Self.base + """
            properties:
              variants:
                - name: a
                  model: anthropic.claude-sonnet-4-5-20250929-v1:0
                  text: hi
                  crossRegion: false
                  inferenceProfileApp: analytics-profile

            """, apps: ["analytics-profile": shared])
        #expect(found == ["properties.variants[0].crossRegion: does not apply: the profile of app \"analytics-profile\" "
            + "is used as it is, routing as its modelSource says"])
        let wrongModel = try issues(Self.base + """
            properties:
              variants: [{ name: a, model: anthropic.claude-sonnet-4-6, text: hi, inferenceProfileApp: analytics-profile }]

            """, apps: ["analytics-profile": shared])
        #expect(wrongModel == ["properties.variants[0].model: app \"analytics-profile\"'s profile routes to "
            + "\"anthropic.claude-sonnet-4-5-20250929-v1:0\", not \"anthropic.claude-sonnet-4-6\""])
    }

    /// A prompt's tags are a map CloudFormation checks against ASCII characters only.
    @Test func promptTagsAreASCII() throws {
        let found = try issues("""
            name: reply
            team: équipe
            pattern: bedrock-prompt
            regions: [us-west-2]
            tags: { owner: Zoë }
            properties:
              variants: [{ name: a, model: anthropic.claude-sonnet-4-6, text: hi }]

            """)
        #expect(found == [
            "team: becomes the deploycat:team tag: the value holds \"é\"; this pattern's tags may hold only ASCII "
                + "letters and digits, spaces and _ . : / = + - @",
            "tags.owner: the value holds \"ë\"; this pattern's tags may hold only ASCII letters and digits, spaces and "
                + "_ . : / = + - @",
        ])
    }
}
