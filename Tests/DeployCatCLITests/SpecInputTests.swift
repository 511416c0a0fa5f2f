import CatalogTestSupport
import Foundation
import Testing

/// Reading app specs as a user writes them: syntax errors with line and column, every problem
/// of every document in one run, nulls as missing values, tag rules for every value that
/// becomes a tag, and specs from standard input.
@Suite struct SpecInputTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    let database: String

    static let header = "name: chat\nteam: cx\npattern: application-inference-profile\nregions: [us-east-1]\n"
    static let properties = "properties: { modelSource: { crossRegion: { geography: us, model: amazon.nova-pro-v1:0 } } }\n"

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
        database = deploycat.database
        _ = try deploycat.run("apply", "-f", PackagePaths.root.appendingPathComponent("examples").path, "--db", database)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Applies `paths`, checks that it failed and changed nothing, and returns stderr's lines.
    func rejected(_ paths: String...) throws -> [String] {
        let before = try DatabaseFiles.contents(database)
        let result = try deploycat.run(["apply"] + paths.flatMap { ["-f", $0] } + ["--db", database])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(try DatabaseFiles.contents(database) == before, "the database changed")
        return result.errorLines
    }

    @Test func yamlSyntaxErrorsNameLineColumnAndWhatWasExpected() throws {
        let unclosed = try write("unclosed.yaml", Self.header.replacingOccurrences(of: "[us-east-1]", with: "[us-east-1"))
        #expect(try rejected(unclosed) == ["Error: \(unclosed): is not valid YAML: line 5, column 1: did not find "
            + "expected ',' or ']' (while parsing a flow sequence that starts on line 4, column 10)"])
        let tab = try write("tab.yaml", "name: chat\n\tteam: cx\n")
        #expect(try rejected(tab) == ["Error: \(tab): is not valid YAML: line 2, column 1: found a tab character "
            + "that violates indentation (while scanning a plain scalar that starts on line 1, column 7)"])
        let stray = try write("stray.yaml", Self.header + "key:\n" + Self.properties)
        #expect(try rejected(stray) == ["Error: \(stray): key (line 5): unknown key \"key\"; allowed: name, team, "
            + "pattern, regions, account, stage, tags, usage, properties"])
    }

    @Test func jsonSyntaxErrorsNameLineAndColumn() throws {
        let file = try write("spec.json", "{\"name\": \"chat\",\n \"team\": \"cx\"\n \"regions\": []}\n")
        #expect(try rejected(file) == ["Error: \(file): is not valid JSON: line 3, column 2: did not find expected "
            + "',' or '}' (while parsing an object that starts on line 1, column 1)"])
    }

    @Test func everyProblemOfEveryDocumentAndFileInOneRun() throws {
        let first = try write("a.yaml", """
            name: chat
            team: cx
            pattern: application-inference-profile
            regions: [us-east-9]
            owner: me
            propertes: {}
            ---
            name: chat-two
            team: cx
            pattern: application-inference-profile
            regions: [us-east-1]
            properties:
              modelSource: { foundationModel: amazon.nova-pro-v1:0, crossregion: {} }
              tgs: {}
            ---
            name: chat-three
            team: cx
            pattern: lambda-bedrock-inference-profil
            regions: [us-east-1]

            """)
        let second = try write("b.json", #"[{"name": "x", "team": "cx", "regions": ["us-east-1"], "stge": "p"}]"#)
        // Fields that can be read are still checked, and every problem is in the order of its line.
        #expect(try rejected(first, second) == [
            "Error: \(first): document 1 (app \"chat\") properties.modelSource (line 1): is required (it is what the "
                + "profile copies): { foundationModel: ID } or { crossRegion: { geography: G, model: ID } }",
            "\(first): document 1 (app \"chat\") regions[0] (line 4): Region \"us-east-9\" is not in the catalog (did you "
                + "mean \"us-east-1\" or \"us-east-2\"?); `deploycat catalog regions` lists the Regions",
            "\(first): document 1: owner (line 5): unknown key \"owner\"; allowed: name, team, pattern, regions, "
                + "account, stage, tags, usage, properties",
            "\(first): document 1: propertes (line 6): unknown key \"propertes\" (did you mean \"properties\"?); allowed: "
                + "name, team, pattern, regions, account, stage, tags, usage, properties",
            "\(first): document 2 (app \"chat-two\") regions[0] (line 11): model \"amazon.nova-pro-v1:0\" is offered in "
                + "\"us-east-1\" only through inference profiles, not on demand; use a cross-Region profile (leave out "
                + "--single-region; in a spec, deployCrossRegionProfile: true, modelSource.crossRegion or crossRegion: true); profiles: "
                + "us.amazon.nova-pro-v1:0",
            "\(first): document 2: properties.modelSource.crossregion (line 13): unknown key \"crossregion\" (did you "
                + "mean \"crossRegion\"?); allowed: foundationModel, crossRegion",
            "\(first): document 2: properties.tgs (line 14): unknown key \"tgs\" (did you mean \"tags\"?); allowed: "
                + "inferenceProfileName, description, modelSource, tags, grantTo, existingProfileArn",
            "\(first): document 3: pattern (line 18): \"lambda-bedrock-inference-profil\" is not allowed; use one of "
                + "\"lambda-bedrock-inference-profile\", \"application-inference-profile\", \"bedrock-prompt\", \"bedrock-agent\", \"lambda-sagemaker-endpoint\", \"bedrock-batch-stepfn\"",
            "\(second): [0]: stge: unknown key \"stge\" (did you mean \"stage\" or \"usage\"?); allowed: name, team, "
                + "pattern, regions, account, stage, tags, usage, properties",
            "\(second): [0]: pattern: is required but missing",
        ])
    }

    @Test func validationProblemsAreNotHiddenByADocumentThatCannotBeRead() throws {
        let file = try write("specs.yaml", Self.header + "---\n" + Self.header.replacingOccurrences(of: "chat", with: "chat-2")
            + "properties: { modelSource: { foundationModel: amazon.nova-pro-v1:0 } }\n---\nname: x\n")
        let lines = try rejected(file)
        try #require(lines.count == 5, "\(lines)")
        // A missing field is placed at the start of the map it is missing from.
        #expect(lines[0].hasPrefix("Error: \(file): document 1 (app \"chat\") properties.modelSource (line 1): is required"))
        #expect(lines[1].hasPrefix("\(file): document 2 (app \"chat-2\") regions[0] (line 9): model \"amazon.nova-pro-v1:0\""))
        #expect(lines[2...] == ["\(file): document 3: team (line 12): is required but missing",
                                "\(file): document 3: pattern (line 12): is required but missing",
                                "\(file): document 3: regions (line 12): is required but missing"])
    }

    /// A field of the wrong type is reported, and the rest of the spec is still checked.
    @Test func aBadFieldDoesNotHideTheSpecsOtherProblems() throws {
        let file = try write("spec.yaml", """
            name: Chat--Bot
            team: cx
            pattern: application-inference-profile
            regions: [us-east-1]
            tags: { owner: ~, "": x, cost: "a#b" }
            properties:
              grantTo: not-a-list
              modelSource: { crossRegion: { geography: us, model: amazon.nova-pro-v1:0 } }

            """)
        #expect(try rejected(file) == [
            "Error: \(file): (app \"Chat--Bot\") name (line 1): \"Chat--Bot\" is not an app name: 1 to 63 lowercase "
                + "letters, digits and single '-' between them, such as \"support-chat\"",
            "\(file): tags.owner (line 5): has no value (null); write \"\" for an empty tag value",
            "\(file): (app \"Chat--Bot\") tags.\"\" (line 5): a tag key must be 1 to 128 characters",
            "\(file): (app \"Chat--Bot\") tags.cost (line 5): the value holds \"#\"; a tag value may hold only letters, "
                + "digits, spaces and _ . : / = + - @",
            "\(file): properties.grantTo (line 7): expected a list",
        ])
    }

    /// A list or a map where one value belongs says so, whatever the value's type.
    @Test func aListWhereOneValueBelongsIsNamed() throws {
        let file = try write("types.yaml", """
            name: chat
            team: [cx, support]
            pattern: lambda-bedrock-inference-profile
            regions: [us-east-1]
            properties:
              bedrockModelId: { id: amazon.nova-pro-v1:0 }
              lambdaFunctionProps: { handler: index.handler, memorySize: 256.5, code: { inline: x } }

            """)
        #expect(try rejected(file) == [
            "Error: \(file): team (line 2): expected a single value, not a list or a map",
            "\(file): properties.bedrockModelId (line 6): expected a single value, not a list or a map",
            "\(file): properties.lambdaFunctionProps.memorySize (line 7): expected a whole number",
        ])
    }

    /// A shared profile app cannot change under the apps that use it: the apply is refused,
    /// naming them, unless they are applied with it.
    @Test func aProfileAppCannotChangeUnderItsUsers() throws {
        let examples = PackagePaths.root.appendingPathComponent("examples")
        let profile = try String(contentsOf: examples.appendingPathComponent("analytics-profile.yaml"), encoding: .utf8)
        let moved = try write("profile.yaml", profile.replacingOccurrences(
            of: "regions: [us-east-1, us-west-2]", with: "regions: [us-east-1]"))
        #expect(try rejected(moved) == ["Error: \(moved): app \"analytics-sql-assistant\" uses this app's profile and "
            + "would stop checking out: regions[0]: app \"analytics-profile\" has no profile in \"us-west-2\"; its "
            + "Regions: us-east-1; change or apply it too"])
        let user = try String(contentsOf: examples.appendingPathComponent("analytics-sql-assistant.yaml"), encoding: .utf8)
        let follows = try write("user.yaml", user.replacingOccurrences(of: "regions: [us-west-2]", with: "regions: [us-east-1]"))
        #expect(try deploycat.run("apply", "-f", moved, "-f", follows, "--db", database).status == 0)
    }

    @Test func aNullIsAMissingValue() throws {
        let file = try write("null.yaml", "name: chat\nteam: ~\npattern: null\nregions: [us-east-1]\ntags: { owner: }\n")
        #expect(try rejected(file) == [
            "Error: \(file): team (line 2): is required but missing (null); expected a string",
            "\(file): pattern (line 3): is required but missing (null); expected one of "
                + "\"lambda-bedrock-inference-profile\", \"application-inference-profile\", \"bedrock-prompt\", \"bedrock-agent\", \"lambda-sagemaker-endpoint\", \"bedrock-batch-stepfn\"",
            "\(file): tags.owner (line 5): has no value (null); write \"\" for an empty tag value",
        ])
    }

    /// The team becomes the `deploycat:team` tag, so it obeys the tag rules, like every other tag value.
    @Test(arguments: [("o'brien team", "\"'\""), ("team; DROP TABLE apps;--", "\";\""), ("cx\u{301}", "U+0301")])
    func aTeamNameMustBeAValidTagValue(team: String, character: String) throws {
        let file = try write("team.yaml", Self.header.replacingOccurrences(of: "team: cx", with: "team: \"\(team)\"")
            + Self.properties)
        #expect(try rejected(file) == ["Error: \(file): (app \"chat\") team (line 2): becomes the deploycat:team tag: "
            + "the value holds \(character); a tag value may hold only letters, digits, spaces and _ . : / = + - @"])
    }

    @Test func aProfilesOwnTagsCountWithTheAppsTags() throws {
        let appTags = (1...30).map { "a\($0): x" }.joined(separator: ", ")
        let ownTags = (1...20).map { "b\($0): x" }.joined(separator: ", ")
        let file = try write("tags.yaml", Self.header + "tags: { \(appTags) }\nproperties:\n  tags: { \(ownTags) }\n"
            + "  modelSource: { crossRegion: { geography: us, model: amazon.nova-pro-v1:0 } }\n")
        #expect(try rejected(file) == ["Error: \(file): (app \"chat\") properties.tags (line 7): gives the resource 50 "
            + "tags with the app's tags; at most 47 are allowed (a resource carries 50, and deploycat adds 3)"])
    }

    @Test func specsFromStandardInput() throws {
        let spec = Self.header + Self.properties
        let applied = try deploycat.run(["apply", "-f", "-", "--db", database], input: spec)
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.contains("chat") && applied.stdout.contains("created"))
        let bad = try deploycat.run(["apply", "-f", "-", "--db", database], input: "name: x\nteam: [\n")
        #expect(bad.errorLines.first?.hasPrefix("Error: <stdin>: is not valid YAML: line 3, column 1") == true, "\(bad.stderr)")
    }
}
