import CatalogTestSupport
import Foundation
import Testing

/// The tag policy, tag defaults and the tag reports, from the command line.
@Suite struct TagCommandTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    static let examplePolicy = PackagePaths.root.appendingPathComponent("examples/tags/tag-policy.json").path

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
        let examples = PackagePaths.root.appendingPathComponent("examples").path
        #expect(try deploycat.run("quickstart", "--examples", examples).status == 0)
    }

    func bytes() throws -> Data { try DatabaseFiles.contents(deploycat.database) }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aPolicyLiveAppsBreakIsRefusedUntilForcedAndThenCheckListsEveryViolation() throws {
        let before = try bytes()
        let refused = try deploycat.run("tags", "policy", "set", "-f", Self.examplePolicy)
        #expect(refused.status == 1)
        #expect((refused.stdout + refused.stderr).contains(
            "app \"partner-gateway\" tags.cost-center: \"PI-7788\" is not a value the tag policy allows"))
        #expect(try bytes() == before)
        #expect(try deploycat.run("tags", "check").status == 0)

        #expect(try deploycat.run("tags", "policy", "set", "-f", Self.examplePolicy, "--force").status == 0)
        let check = try deploycat.run("tags", "check")
        #expect(check.status == 1)
        #expect(check.stderr.contains("10 violations in 8 of 13 apps"))
        let report = try #require(try json(deploycat.run("tags", "check", "--json")) as? [String: Any])
        let violations = try #require(report["violations"] as? [[String: Any]])
        let rules = Dictionary(grouping: violations, by: { $0["rule"] as? String ?? "" }).mapValues(\.count)
        #expect(rules == ["missing-required-key": 8, "value-not-allowed": 1, "key-capitalization": 1])
        let bad = try #require(violations.first { $0["rule"] as? String == "value-not-allowed" })
        #expect(bad["app"] as? String == "partner-gateway" && bad["enforced"] as? Bool == true && bad["value"] as? String == "PI-7788")

        // A catalog-wide default closes the missing keys; a team's default does not override the spec's own value
        #expect(try deploycat.run("tags", "defaults", "set", "product=shared").status == 0)
        #expect(try deploycat.run("tags", "defaults", "set", "cost-center=IT-9000", "--team", "partner-integrations").status == 0)
        let remaining = try #require(try json(deploycat.run("tags", "check", "--json")) as? [String: Any])
        #expect((remaining["violations"] as? [[String: Any]])?.map { "\($0["app"] ?? "") \($0["rule"] ?? "")" }
            == ["document-summarizer key-capitalization", "partner-gateway value-not-allowed"])
        // A default the policy forbids breaks the apps that would inherit it: refused
        let forbidden = try deploycat.run("tags", "defaults", "set", "Data-Classification=secret")
        #expect(forbidden.status == 1)
        #expect((forbidden.stdout + forbidden.stderr).contains("\"secret\" is not a value the tag policy allows for Data-Classification"))
    }

    @Test func aDefaultsChangeMakesTheTemplatesThatCarryItStaleAndHistoryShowsTheNewTags() throws {
        let dryRun = try deploycat.run("tags", "defaults", "set", "Owner=platform", "--team", "customer-experience", "--dry-run")
        #expect(dryRun.status == 0)
        #expect(dryRun.stdout.contains("tag defaults of team customer-experience +Owner=platform"))
        #expect(try deploycat.run("tags", "defaults", "show", "--json").stdout == "{\n  \"catalog\" : {},\n  \"teams\" : {}\n}\n")

        #expect(try deploycat.run("tags", "defaults", "set", "Owner=platform", "--team", "customer-experience").status == 0)
        let regenerate = try #require(try json(deploycat.run("regenerate", "--json")) as? [String: Any])
        let rebuilt = try #require(regenerate["templates"] as? [[String: Any]])
        #expect(Set(rebuilt.map { "\($0["app"] ?? "") \($0["region"] ?? "")" })
            == ["support-chat us-east-1", "support-chat eu-west-1", "support-reply-prompt us-west-2"])
        #expect(rebuilt.allSatisfy { ($0["reasons"] as? [String])?.first?.hasSuffix(
            ": tag defaults of team customer-experience +Owner=platform") == true })

        let template = try deploycat.run("template", "support-chat", "--region", "us-east-1").stdout
        #expect(template.components(separatedBy: "\"Key\" : \"Owner\"").count - 1 == 5)  // function, role, log group, log key, profile
        let history = try #require(try json(deploycat.run("tags", "history", "support-chat", "--region", "us-east-1", "--json"))
            as? [[String: Any]])
        #expect(history.map { $0["version"] as? Int } == [1, 2])
        #expect(history[1]["changes"] as? [String] == ["+Owner=platform"])
        #expect((history[1]["tags"] as? [String: String])?["cost-center"] == "CX-1042")

        // The spec's own tag wins over the default
        #expect(try deploycat.run("tags", "defaults", "set", "cost-center=CX-0000").status == 0)
        #expect((try deploycat.run("template", "support-chat", "--region", "us-east-1").stdout)
            .contains("\"Value\" : \"CX-0000\"") == false)
    }

    @Test func thePolicysSpellingReachesTemplatesAndApplyWarnsOfTheSpecsSpelling() throws {
        let policy = try write("policy.json", """
            {"tags": {"product": {"tag_key": {"@@assign": "Product"}}}}
            """)
        #expect(try deploycat.run("tags", "policy", "set", "-f", policy).status == 0)
        let regenerated = try deploycat.run("regenerate")
        #expect(regenerated.stdout.contains("catalog rev 2: tag policy key product added: Product"))
        let template = try deploycat.run("template", "support-chat", "--region", "us-east-1").stdout
        #expect(template.contains("\"Key\" : \"Product\"") && !template.contains("\"Key\" : \"product\""))
        let apply = try deploycat.run("apply", "-f", PackagePaths.root.appendingPathComponent("examples/support-chat.yaml").path)
        #expect(apply.stderr.contains("tags.product: the tag policy spells the key Product, not product"))
    }

    @Test func applyRefusesASpecThePolicyForbidsNamingTheFileTheKeyAndTheRule() throws {
        #expect(try deploycat.run("tags", "policy", "set", "-f", Self.examplePolicy, "--force").status == 0)
        let spec = try write("bad.yaml", """
            name: new-app
            team: growth
            pattern: application-inference-profile
            regions: [us-east-1]
            tags: { cost-center: ZZ-1 }
            properties: { modelId: amazon.nova-pro-v1:0 }
            """)
        let before = try bytes()
        let result = try deploycat.run("apply", "-f", spec)
        #expect(result.status != 0)
        #expect(result.errorLines.contains { $0.contains("bad.yaml") && $0.contains("tags.cost-center (line 5)")
            && $0.contains("\"ZZ-1\" is not a value the tag policy allows for cost-center") })
        #expect(result.errorLines.contains { $0.contains("bad.yaml") && $0.contains("the tag policy requires the key product") })
        #expect(try bytes() == before)
    }

    @Test func aMalformedPolicyIsRefusedWithTheJSONPathOfEachProblemAndNothingWritten() throws {
        let before = try bytes()
        let policy = try write("bad.json", """
            {"tags": {"costcenter": {"tag_key": {"@@assign": "Cost_Center"}, "enforced_for": ["bedrock"]}}}
            """)
        let result = try deploycat.run("tags", "policy", "set", "-f", policy)
        #expect(result.status != 0)
        #expect(result.errorLines.contains { $0.contains("bad.json: tags.costcenter.tag_key.@@assign: \"Cost_Center\" is not the policy key") })
        #expect(result.errorLines.contains { $0.contains("tags.costcenter.enforced_for[0]: \"bedrock\" is not a resource type") })
        let broken = try deploycat.run("tags", "policy", "set", "-f", write("broken.json", "{\"tags\": {"))
        #expect(broken.status != 0 && broken.stderr.contains("broken.json: is not valid JSON"))
        #expect(try bytes() == before)
    }

    @Test func aDefaultThatAPatternsResourcesCannotCarryOrABadTeamIsRefused() throws {
        let before = try bytes()
        // A Bedrock prompt's tags must be ASCII: the prompt app would break
        let accented = try deploycat.run("tags", "defaults", "set", "Owner=José")
        #expect(accented.status == 1)
        #expect((accented.stdout + accented.stderr).contains(
            "app \"support-reply-prompt\" catalog tag defaults.Owner: the value holds \"é\"; this pattern's tags may hold only ASCII"))
        let star = try deploycat.run("tags", "defaults", "set", "Owner=x", "--team", "*")
        #expect(star.status != 0 && star.stderr.contains("--team: \"*\" is not a team name: the value holds \"*\""))
        #expect(try bytes() == before)
    }

    @Test func aTeamNoAppBelongsToIsATypoUnlessSaidOtherwise() throws {
        for command in [["tags", "check", "--team", "customer-experiance"], ["tags", "report", "--team", "customer-experiance"],
                        ["tags", "defaults", "set", "Owner=x", "--team", "customer-experiance"]] {
            let result = try deploycat.run(command)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("no app belongs to team \"customer-experiance\" (did you mean \"customer-experience\"?)"))
        }
        let planned = try deploycat.run("tags", "defaults", "set", "Owner=x", "--team", "new-team", "--new-team")
        #expect(planned.status == 0 && planned.stderr.contains("no app belongs to team \"new-team\" yet"))
        #expect(try deploycat.run("tags", "defaults", "unset", "Owner", "--team", "new-team").status == 0)
    }

    @Test func defaultsAndPoliciesThatCannotBeRightAreRefused() throws {
        #expect(try deploycat.run("tags", "policy", "set", "-f", Self.examplePolicy, "--force").status == 0)
        let before = try bytes()
        // Refused even where no live app would carry them: the policy's spelling, its values
        let defaults = try deploycat.run("tags", "defaults", "set", "Cost-Center=CX-1", "data-classification=secret")
        #expect(defaults.status == 1)
        #expect(defaults.stderr.contains("Cost-Center=CX-1: the tag policy spells the key cost-center"))
        #expect(defaults.stderr.contains("data-classification=secret: the tag policy spells the key Data-Classification"))
        #expect(defaults.stderr.contains("\"secret\" is not a value the tag policy allows for Data-Classification"))
        let empty = try deploycat.run("tags", "policy", "set", "-f", write("empty.json", "{\"tags\": {}}"))
        #expect(empty.status == 1 && empty.stderr.contains("run `deploycat tags policy clear`"))
        #expect(try bytes() == before)
    }

    @Test func theReportGroupsAppsByAKeysValuesInEveryFormat() throws {
        let table = try deploycat.run("tags", "report", "--by", "cost-center")
        #expect(table.status == 0)
        let rows = table.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("cost-center  APPS") == true)
        #expect(rows.contains { $0.hasPrefix("CX-1042 ") && $0.contains("$1,400.00") && $0.contains("support-chat-us-east-1 (InferenceProfile)") })

        let csv = try deploycat.run("tags", "report", "--by", "cost-center", "--format", "csv").stdout
        #expect(csv.hasPrefix("cost-center,APPS,TEAMS,PATTERNS,MODELS,REGIONS,INFERENCE PROFILES,ESTIMATED MONTHLY (USD),NOT ESTIMATED\r\n"))
        #expect(csv.contains(",1400.00,"))

        let report = try #require(try json(deploycat.run("tags", "report", "--by", "cost-center", "--format", "json")) as? [String: Any])
        let cx = try #require((report["rows"] as? [[String: Any]])?.first { $0["value"] as? String == "CX-1042" })
        #expect(cx["estimatedMonthly"] as? Double == 1400)
        #expect(cx["unestimatedApps"] as? [String] == ["support-reply-prompt"])
        let profiles = try #require(cx["inferenceProfiles"] as? [[String: Any]])
        #expect(profiles.map { $0["logicalId"] as? String } == ["InferenceProfile", "InferenceProfile"])

        // A profile's own tags count: the profile is what Bedrock bills
        let tier = try deploycat.run("tags", "report", "--by", "partner-tier")
        #expect(tier.stdout.split(separator: "\n").contains { $0.hasPrefix("gold ") && $0.contains("partner-gateway") })

        // Any spelling billing exports use finds the key; one no app, default or policy names is an error
        let spelled = try deploycat.run("tags", "report", "--by", "CostCenter")
        #expect(spelled.stdout.hasPrefix("cost-center  APPS"))
        let missing = try deploycat.run("tags", "report", "--by", "CostCentre")
        #expect(missing.status == 1 && missing.stderr.contains("--by \"CostCentre\" is not a tag key the catalog knows (did you mean"))
    }
}
