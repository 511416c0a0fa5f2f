import CatalogTestSupport
import Foundation
import Testing

/// `deploycat diff`: two stored versions of an app's template, or the latest against a template
/// file, as text or JSON; bad requests are errors that name what is wrong.
@Suite struct DiffCommandTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    let spec: String
    static let example = PackagePaths.root.appendingPathComponent("examples/analytics-profile.yaml")

    /// Applies and synthesizes the example (version 1 in each Region).
    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
        spec = folder.path("analytics-profile.yaml")
        try FileManager.default.copyItem(atPath: Self.example.path, toPath: spec)
        for arguments in [["apply", "-f", spec], ["synth", "analytics-profile"]] {
            let result = try deploycat.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    /// A new description (create-only: the profile is replaced), another tag value and one more
    /// role: version 2 in each Region.
    func changeTheSpec() throws {
        let text = try String(contentsOfFile: spec, encoding: .utf8)
            .replacingOccurrences(of: "description: Analytics notebooks and batch jobs",
                                  with: "description: Analytics notebooks and dashboards")
            .replacingOccurrences(of: "environment: shared", with: "environment: staging")
            .replacingOccurrences(of: "  grantTo:\n", with: "  grantTo:\n    - arn:aws:iam::111122223333:role/dashboards\n")
        try text.write(toFile: spec, atomically: true, encoding: .utf8)
        #expect(try deploycat.run("apply", "-f", spec).status == 0)
        // Replacing the profile splits its cost history: synth stores it only when allowed.
        let refused = try deploycat.run("synth", "analytics-profile")
        #expect(refused.status == 1 && refused.stdout.contains("refused"))
        #expect(refused.stderr.contains("would replace application inference profile InferenceProfile"))
        let result = try deploycat.run("synth", "analytics-profile", "--allow-replacement")
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func jsonNamesEachChangedPathAndTheReplacement() throws {
        try changeTheSpec()
        let result = try deploycat.run("diff", "analytics-profile", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try json(result) as? [String: Any])
        #expect(document["region"] as? String == "us-east-1")
        #expect((document["old"] as? [String: Any])?["version"] as? Int == 1)
        #expect((document["new"] as? [String: Any])?["version"] as? Int == 2)
        #expect(document["summary"] as? String == "2 changed (1 replaced), 0 added, 0 removed")
        let resources = try #require(document["resources"] as? [[String: Any]])
        #expect(resources.map { $0["logicalId"] as? String } == ["InferenceProfile", "UsagePolicy"])
        #expect(resources.map { $0["replaces"] as? Bool } == [true, false])
        let profile = try #require(resources.first?["properties"] as? [[String: Any]])
        #expect(profile.map { $0["path"] as? String } == ["Properties.Description", "Properties.Tags[Key=environment].Value"])
        #expect(profile.map { $0["replaces"] as? Bool } == [true, false])
        #expect(profile.last?["old"] as? String == "shared" && profile.last?["new"] as? String == "staging")
        let policy = try #require(resources.last?["properties"] as? [[String: Any]])
        #expect(policy.map { $0["path"] as? String } == ["Properties.Roles[+]"])
        #expect(policy.first?["new"] as? String == "dashboards" && policy.first?["old"] == nil)
        // The same comparison named by version gives the same document.
        #expect(try deploycat.run("diff", "analytics-profile", "--from", "1", "--json").stdout == result.stdout)
        #expect(try deploycat.run("diff", "analytics-profile", "--from", "1", "--to", "2", "--json").stdout == result.stdout)
    }

    /// Piped output has no colour codes: plain lines a script or a reader can use.
    @Test func pipedTextIsPlain() throws {
        try changeTheSpec()
        let result = try deploycat.run("diff", "analytics-profile", "--region", "us-west-2")
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}"))
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.prefix(2) == ["analytics-profile in us-west-2: version 1 -> version 2",
                                    "2 changed (1 replaced), 0 added, 0 removed"])
        #expect(lines.contains("~ InferenceProfile (AWS::Bedrock::ApplicationInferenceProfile) changed REPLACED"))
        #expect(lines.contains("    ~ Properties.Description: \"Analytics notebooks and batch jobs\" -> "
            + "\"Analytics notebooks and dashboards\"  (replacement)"))
        #expect(lines.contains("    + Properties.Roles[+]: \"dashboards\""))
        #expect(lines.contains("~ UsagePolicy (AWS::IAM::Policy) changed"))
        // The same versions the other way round: the old value is now the new one.
        let back = try deploycat.run("diff", "analytics-profile", "--region", "us-west-2", "--from", "2", "--to", "1")
        #expect(back.stdout.contains("    - Properties.Roles[-]: \"dashboards\""))
    }

    /// On a terminal (util-linux `script` gives the command one) changes are coloured, unless
    /// `NO_COLOR` is set to anything.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func colourOnlyOnATerminalWithoutNoColor() throws {
        try changeTheSpec()
        func onTerminal(_ environment: [String: String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", "\(DeployCatProcess.binary.path) diff analytics-profile", "/dev/null"]
            process.currentDirectoryURL = folder.url
            process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "NO_COLOR" }
                .merging(deploycat.environment.merging(environment) { _, new in new }) { _, new in new }
            let output = Pipe()
            process.standardOutput = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let coloured = try onTerminal([:])
        #expect(coloured.contains("\u{1B}[1;31mREPLACED\u{1B}[0m"), "\(coloured)")
        #expect(coloured.contains("\u{1B}[33m~ Properties.Tags[Key=environment].Value\u{1B}[0m"))
        let plain = try onTerminal(["NO_COLOR": "1"])
        #expect(plain.contains("REPLACED") && !plain.contains("\u{1B}"), "\(plain)")
    }

    /// A deployed template in YAML with short-form tags (`!GetAtt`, `!Sub`, `!Ref`, `!Equals`)
    /// reads as the stored version 1 it mirrors: diffing against it finds what the versions differ in.
    @Test func againstAYAMLFileWithShortFormTags() throws {
        let deployed = folder.path("deployed.yaml")
        try Self.deployedVersion1.write(toFile: deployed, atomically: true, encoding: .utf8)
        let unchanged = try deploycat.run("diff", "analytics-profile", "--against", deployed)
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout.hasPrefix("analytics-profile in us-east-1: file \(deployed) -> version 1\n"
            + "0 changed, 0 added, 0 removed, 2 changes outside Resources\n"))

        try changeTheSpec()
        let against = try #require(try json(deploycat.run("diff", "analytics-profile", "--against", deployed, "--json"))
            as? [String: Any])
        let versions = try #require(try json(deploycat.run("diff", "analytics-profile", "--json")) as? [String: Any])
        #expect((against["old"] as? [String: Any])?["file"] as? String == deployed)
        #expect(against["resources"] as? NSArray == versions["resources"] as? NSArray)
        let sections = try #require(against["sections"] as? [[String: Any]])
        #expect(sections.compactMap { $0["path"] as? String } == ["Description", "Metadata.deploycat"])
    }

    @Test func exitCodeSaysWhetherTheTemplatesDiffer() throws {
        let exported = folder.path("deployed.json")
        let latest = try deploycat.run("template", "analytics-profile", "--region", "us-east-1")
        try latest.stdout.write(toFile: exported, atomically: true, encoding: .utf8)
        #expect(try deploycat.run("diff", "analytics-profile", "--against", exported, "--exit-code").status == 0)
        try changeTheSpec()
        let drift = try deploycat.run("diff", "analytics-profile", "--against", exported, "--exit-code")
        #expect(drift.status == 2 && drift.stdout.contains("REPLACED"))
        #expect(try deploycat.run("diff", "analytics-profile", "--against", exported).status == 0)
    }

    @Test func aRetiredRegionIsComparedByNumber() throws {
        try changeTheSpec()
        let text = try String(contentsOfFile: spec, encoding: .utf8)
        try text.replacingOccurrences(of: "regions: [us-east-1, us-west-2]", with: "regions: [us-east-1]")
            .write(toFile: spec, atomically: true, encoding: .utf8)
        #expect(try deploycat.run("apply", "-f", spec).status == 0)
        let retired = try deploycat.run("diff", "analytics-profile", "--region", "us-west-2")
        #expect(retired.errorLines == ["Error: app \"analytics-profile\" no longer deploys to \"us-west-2\": spec revision 3 "
            + "removed it; compare its versions (1 to 2) by number: --from N --to M"])
        #expect(try deploycat.run("diff", "analytics-profile", "--region", "us-west-2", "--from", "1", "--to", "2").status == 0)
    }

    @Test func badRequestsAreErrorsThatSayWhatIsWrong() throws {
        let unknown = try deploycat.run("diff", "analytics-profil")
        #expect(unknown.status == 1 && unknown.stdout.isEmpty)
        #expect(unknown.errorLines == ["Error: app \"analytics-profil\" is not in the catalog (did you mean "
            + "\"analytics-profile\"?); `deploycat apps list` lists the apps"])

        let one = try deploycat.run("diff", "analytics-profile", "--region", "us-west-2")
        #expect(one.status == 1)
        #expect(one.errorLines == ["Error: app \"analytics-profile\" has only one template version in \"us-west-2\", so "
            + "there is nothing to compare it with; a new version is stored when `deploycat synth analytics-profile` "
            + "builds a different template, or compare with a deployed template: --against FILE"])

        let version = try deploycat.run("diff", "analytics-profile", "--from", "3")
        #expect(version.errorLines == ["Error: app \"analytics-profile\" in \"us-east-1\" has no version 3; its one version is 1"])

        let both = try deploycat.run("diff", "analytics-profile", "--against", "t.yaml", "--from", "1")
        #expect(both.status == 1)
        #expect(both.errorLines == ["Error: --against compares a file with the latest version, so it cannot be combined "
            + "with --from or --to"])

        let broken = folder.path("broken.yaml")
        try "Resources:\n  Profile:\n    Type: [AWS::Bedrock::ApplicationInferenceProfile\n".write(
            toFile: broken, atomically: true, encoding: .utf8)
        let malformed = try deploycat.run("diff", "analytics-profile", "--against", broken)
        #expect(malformed.status == 1 && malformed.stdout.isEmpty)
        #expect(malformed.errorLines.first?.hasPrefix("Error: \(broken): is not valid YAML: line 4, column 1: ") == true,
                "\(malformed.stderr)")

        let json = folder.path("broken.json")
        try "{\n  \"Resources\": {\n    \"P\": {\"Type\": \"AWS::SNS::Topic\" \"Properties\": {}}\n  }\n}\n".write(
            toFile: json, atomically: true, encoding: .utf8)
        let badJSON = try deploycat.run("diff", "analytics-profile", "--against", json)
        #expect(badJSON.errorLines.first?.hasPrefix("Error: \(json): is not valid JSON: line 3, column 37: did not find expected ',' or '}'") == true, "\(badJSON.stderr)")

        let notATemplate = try deploycat.run("diff", "analytics-profile", "--against", spec)
        #expect(notATemplate.errorLines == ["Error: \(spec): is not a CloudFormation template: it has no Resources map"])
    }

    /// Stored version 1 of analytics-profile in us-east-1 as a deployed stack's YAML might hold
    /// it: short-form tags, unquoted dates, tags in another order. The top-level Description
    /// and Metadata are left out.
    static let deployedVersion1 = #"""
        AWSTemplateFormatVersion: 2010-09-09
        Outputs:
          InferenceProfileArn:
            Description: The profile's ARN
            Export:
              Name: deploycat-analytics-profile-InferenceProfileArn
            Value: !GetAtt InferenceProfile.InferenceProfileArn
          InferenceProfileId:
            Description: The profile's id
            Value: !GetAtt [InferenceProfile, InferenceProfileId]
        Rules:
          DeploymentTarget:
            Assertions:
              - Assert: !Equals [!Ref "AWS::Region", us-east-1]
                AssertDescription: This template is synthesized for us-east-1; its model routes and ARNs are that Region's.
        Resources:
          InferenceProfile:
            Type: AWS::Bedrock::ApplicationInferenceProfile
            Properties:
              Description: Analytics notebooks and batch jobs
              InferenceProfileName: analytics-profile-us-east-1
              ModelSource:
                CopyFrom: !Sub "arn:${AWS::Partition}:bedrock:us-east-1:${AWS::AccountId}:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0"
              Tags:
                - { Key: environment, Value: shared }
                - { Key: deploycat:team, Value: data-platform }
                - { Key: deploycat:app, Value: analytics-profile }
                - { Key: cost-center, Value: DP-0007 }
          UsagePolicy:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: analytics-profile-us-east-1-profile-usage
              Roles: [analytics-batch-jobs, analytics-notebooks]
              PolicyDocument:
                Version: 2012-10-17
                Statement:
                  - Sid: InvokeFoundationModelInDestinationRegions
                    Effect: Allow
                    Action: [bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream]
                    Resource:
                      - !Sub arn:${AWS::Partition}:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0
                      - !Sub arn:${AWS::Partition}:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0
                      - !Sub arn:${AWS::Partition}:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0
                  - Sid: InvokeThroughInferenceProfile
                    Effect: Allow
                    Action:
                      - bedrock:InvokeModel
                      - bedrock:InvokeModelWithResponseStream
                      - bedrock:GetInferenceProfile
                    Resource:
                      - !GetAtt InferenceProfile.InferenceProfileArn
                      - !Sub "arn:${AWS::Partition}:bedrock:us-east-1:${AWS::AccountId}:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0"

        """#
}
