import CatalogTestSupport
import Foundation
import Testing

/// `regenerate`, `catalog ... --regenerate` and `history`: the workflow after a catalog update.
@Suite struct RegenerateCommandTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    let route: String
    static let haikuUS = "us.anthropic.claude-haiku-4-5-20251001-v1:0"

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
        let examples = PackagePaths.root.appendingPathComponent("examples").path
        #expect(try deploycat.run("quickstart", "--examples", examples).status == 0)
        route = folder.path("route.yaml")
        try """
            profiles:
              - id: \(Self.haikuUS)
                routes:
                  us-east-1: [us-east-1, us-east-2, us-west-1, us-west-2]
            """.write(toFile: route, atomically: true, encoding: .utf8)
    }

    func bytes() throws -> Data { try DatabaseFiles.contents(deploycat.database) }

    @Test func afterACatalogChangeOnlyTheTemplatesBuiltFromItAreRegenerated() throws {
        let fresh = try deploycat.run("regenerate", "--exit-code")
        #expect(fresh.status == 0 && fresh.stdout == "no template is stale; nothing regenerated\n")
        #expect(try deploycat.run("catalog", "apply", "-f", route).status == 0)

        let before = try bytes()
        let dryRun = try deploycat.run("regenerate", "--dry-run", "--exit-code")
        #expect(dryRun.status == 2, "\(dryRun.stderr)")
        let reason = "catalog rev 2: profile \(Self.haikuUS) destinations from us-east-1 +us-west-1"
        #expect(dryRun.stdout == """
            dry run, nothing written: built from catalog revision 2
            APP           REGION     VERSION   RESULT        CHANGES                                                    REASON
            support-chat  us-east-1  v1 -> v2  would be new  1 changed, 0 added, 0 removed, 1 change outside Resources  \(reason)

            """)
        #expect(try bytes() == before)

        let report = try #require(try json(deploycat.run("regenerate", "--json")) as? [String: Any])
        #expect(report["changed"] as? Bool == true && report["dryRun"] as? Bool == false)
        let templates = try #require(report["templates"] as? [[String: Any]])
        #expect(templates.count == 1)
        #expect(templates.first?["app"] as? String == "support-chat" && templates.first?["version"] as? Int == 2)
        #expect(templates.first?["previousVersion"] as? Int == 1 && templates.first?["reasons"] as? [String] == [reason])
        #expect(try deploycat.run("regenerate", "--exit-code").status == 0)

        let history = try deploycat.run("history", "support-chat", "--region", "us-east-1")
        let rows = history.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 3)
        #expect(rows[1].hasPrefix("us-east-1  1 ") && rows[1].hasSuffix(" spec rev 1: no template yet"))
        #expect(rows[2].hasPrefix("us-east-1  2 ") && rows[2].hasSuffix(" latest  \(reason)"))
        let versions = try #require(try json(deploycat.run("history", "support-chat", "--json")) as? [[String: Any]])
        #expect(versions.map { $0["reason"] as? String } == ["spec rev 1: no template yet", "spec rev 1: no template yet", reason])
    }

    @Test func aCatalogChangeWithRegenerateStoresTheChangeAndTheTemplatesTogether() throws {
        let before = try bytes()
        let dryRun = try deploycat.run("catalog", "apply", "-f", route, "--regenerate", "--dry-run")
        #expect(dryRun.status == 0 && dryRun.stdout.contains("support-chat  us-east-1  v1 -> v2  would be new"))
        #expect(try bytes() == before)

        let result = try deploycat.run("catalog", "apply", "-f", route, "--regenerate")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("catalog revision 2: 1 change\n"))
        #expect(result.stdout.contains("support-chat  us-east-1  v1 -> v2  new"))
        #expect(!result.stdout.contains("run `deploycat regenerate"))
        let latest = try #require(try json(deploycat.run("history", "support-chat", "--region", "us-east-1", "--json"))
            as? [[String: Any]])
        #expect(latest.last?["catalogRevision"] as? Int == 2)
    }

    @Test func anAppThatNoLongerChecksOutIsReportedAndTheExitStatusSaysSo() throws {
        // Listed from us-east-1 with --prune, only Nova Pro's profile is left there.
        let listing = folder.path("profiles.json")
        try """
            {"inferenceProfileSummaries": [{"inferenceProfileName": "US Nova Pro",
              "inferenceProfileArn": "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0",
              "inferenceProfileId": "us.amazon.nova-pro-v1:0", "status": "ACTIVE", "type": "SYSTEM_DEFINED",
              "models": [{"modelArn": "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"}]}]}
            """.write(toFile: listing, atomically: true, encoding: .utf8)
        #expect(try deploycat.run("catalog", "import-profiles", listing, "--region", "us-east-1", "--prune", "--force").status == 0)
        let result = try deploycat.run("regenerate", "--exit-code")
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").contains { row in
            row.split(separator: " ").prefix(4) == ["support-chat", "us-east-1", "v1", "failed"]
        })
        #expect(result.errorLines.contains { $0.hasPrefix("Error: app \"support-chat\" in us-east-1: ") && $0.hasSuffix("; version 1 stays current") })
        // The other apps were still regenerated: a second run has only the failures left.
        let again = try deploycat.run("regenerate")
        #expect(again.status == 1 && !again.stdout.contains(" new "))
    }

    @Test func badInputIsNamed() throws {
        let unknown = try deploycat.run("regenerate", "support-chatt")
        #expect(unknown.status == 1 && unknown.stderr.contains("support-chat"))
        let region = try deploycat.run("history", "support-chat", "--region", "us-west-2")
        #expect(region.status == 1)
        #expect(region.stderr.contains("eu-west-1") && region.stderr.contains("us-east-1"))
        #expect(try deploycat.run("history", "no-such-app").status == 1)
    }
}
