import CatalogTestSupport
import Foundation
import Testing
import Yams

@Suite struct AppCommandTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    let examples = PackagePaths.root.appendingPathComponent("examples").path

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
    }

    /// `apps list` filters combine: what the latest templates were built from (model, profile,
    /// geography) and what the spec says (team, pattern, Region); unknown catalog names are errors.
    @Test func appListFiltersCombine() throws {
        #expect(try deploycat.run("quickstart", "--examples", examples).status == 0)
        func names(_ arguments: String...) throws -> [String] {
            let list = try #require(try json(deploycat.run(["apps", "list", "--json"] + arguments)) as? [[String: Any]])
            return list.compactMap { $0["name"] as? String }
        }
        #expect(try names("--geo", "eu") == ["it-helpdesk-agent", "support-chat"])
        #expect(try names("--geo", "eu", "--pattern", "bedrock-agent") == ["it-helpdesk-agent"])
        #expect(try names("--profile", "us.amazon.nova-pro-v1:0")
            == ["claims-batch", "finance-reporting-profile", "month-end-assistant"])
        #expect(try names("--profile", "us.amazon.nova-pro-v1:0", "--team", "finance", "--region", "us-east-2")
            == ["month-end-assistant"])
        #expect(try names("--team", "nobody").isEmpty)
        let unknown = try deploycat.run("apps", "list", "--profile", "us.amazon.nova-pro")
        #expect(unknown.status == 1)
        #expect(unknown.errorLines == ["Error: profile \"us.amazon.nova-pro\" is not in the catalog (did you mean "
            + "\"us.amazon.nova-pro-v1:0\"?)"])
        #expect(try deploycat.run("apps", "list", "--pattern", "lambda").status == 64)
    }

    /// `cost estimate` prints each Region's monthly cost; in JSON, money is a number.
    @Test func costEstimateOfAnExample() throws {
        #expect(try deploycat.run("apply", "-f", examples).status == 0)
        let table = try deploycat.run("cost", "estimate", "support-chat")
        #expect(table.status == 0)
        #expect(table.stdout.contains("us-east-1  0.001     0.005      $700.00"))
        #expect(table.stdout.hasSuffix("total: $1,400.00 a month\n"))
        let estimate = try #require(try json(deploycat.run("cost", "estimate", "support-chat", "--json")) as? [String: Any])
        #expect(estimate["monthlyTotal"] as? Int == 1400)
        let missing = try deploycat.run("cost", "estimate", "catalog-search")
        #expect(missing.status != 0)
        #expect(missing.errorLines.first?.hasPrefix("Error: app \"catalog-search\" has no usage in its spec") == true)
    }

    /// `tags --key` shows one key's values; keys are case-sensitive, as AWS compares them.
    @Test func tagsOfOneKey() throws {
        #expect(try deploycat.run("apply", "-f", examples).status == 0)
        let team = try deploycat.run("tags", "--key", "deploycat:team")
        #expect(team.status == 0)
        let rows = team.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 10 && rows.allSatisfy { $0.hasPrefix("deploycat:team ") })
        #expect(rows.contains { $0.contains("data-platform") && $0.hasSuffix("analytics-profile,analytics-sql-assistant") })
        let other = try deploycat.run("tags", "--key", "Deploycat:team")
        #expect(other.status == 0 && other.stdout.isEmpty)
        #expect(other.stderr.contains("no app's resources carry the tag key \"Deploycat:team\""))
    }

    @Test func applySynthAndReadTemplatesBack() throws {
        let applied = try deploycat.run("apply", "-f", examples)
        #expect(applied.status == 0)
        #expect(applied.stdout.contains("support-chat               created"))
        let synth = try deploycat.run("synth", "--all")
        #expect(synth.status == 0)
        let lines = synth.stdout.split(separator: "\n").dropFirst()
        #expect(lines.count == 15 && lines.allSatisfy { $0.hasSuffix("new") })
        #expect(try deploycat.run("synth", "support-chat").stdout.split(separator: "\n").dropFirst()
            .allSatisfy { $0.hasSuffix("unchanged") })

        let template = try deploycat.run("template", "support-chat", "--region", "eu-west-1")
        let body = try #require(try json(template) as? [String: Any])
        #expect((body["Resources"] as? [String: Any])?.keys.sorted()
            == ["Function", "FunctionLogGroup", "FunctionRole", "InferenceProfile", "LogKey"])
        let golden = try String(contentsOf: PackagePaths.root.appendingPathComponent(
            "Tests/CatalogSynthesisTests/Snapshots/support-chat.eu-west-1.template.json"), encoding: .utf8)
        #expect(template.stdout == golden)

        // YAML output reads back as exactly the JSON template: no value changes type.
        for region in ["eu-west-1", "us-east-1"] {
            let yaml = try deploycat.run("template", "support-chat", "--region", region, "--format", "yaml")
            #expect(yaml.status == 0)
            let fromYAML = try #require(try Yams.load(yaml: yaml.stdout) as? NSDictionary)
            let fromJSON = try #require(try json(deploycat.run("template", "support-chat", "--region", region)) as? NSDictionary)
            #expect(fromYAML == fromJSON)
        }

        let versions = try #require(try json(deploycat.run("versions", "support-chat", "--json")) as? [[String: Any]])
        #expect(versions.map { $0["region"] as? String } == ["eu-west-1", "us-east-1"])
        #expect(versions.allSatisfy { ($0["sha256"] as? String)?.count == 64 && $0["version"] as? Int == 1 })

        let export = try deploycat.run("export", "--out", folder.path("out"))
        #expect(export.status == 0)
        #expect(try String(contentsOfFile: folder.path("out/support-chat/eu-west-1.template.json"), encoding: .utf8)
            == golden)
    }

    @Test func whichAppsUseAModel() throws {
        _ = try deploycat.run("apply", "-f", examples)
        _ = try deploycat.run("synth", "--all")
        let apps = try #require(try json(deploycat.run("apps", "list", "--model", "amazon.titan-embed-text-v2:0", "--json"))
            as? [[String: Any]])
        #expect(apps.compactMap { $0["name"] as? String } == ["catalog-search", "embeddings-eu"])
        let usage = try #require(try json(deploycat.run("catalog", "models", "--usage", "--json")) as? [[String: Any]])
        let titan = try #require(usage.first { $0["id"] as? String == "amazon.titan-embed-text-v2:0" })
        #expect(titan["appCount"] as? Int == 2)
        #expect(usage.count == 6)
        // An agent's and a prompt's model are found like a function's.
        let prompt = try #require(try json(deploycat.run("apps", "list", "--model", "anthropic.claude-sonnet-4-6", "--json"))
            as? [[String: Any]])
        #expect(prompt.compactMap { $0["name"] as? String } == ["it-helpdesk-agent", "support-reply-prompt"])
    }

    @Test func aBadSpecLeavesTheDatabaseByteForByte() throws {
        let database = deploycat.database
        _ = try deploycat.run("apply", "-f", examples, "--db", database)
        let before = try DatabaseFiles.contents(database)
        let spec = folder.path("bad.yaml")
        try ("name: x\nteam: t\npattern: application-inference-profile\nregions: [us-east-1]\nowner: me\n"
            + "properties: { modelSource: { crossRegion: { geography: us, model: amazon.nova-pro-v1:0 } } }\n")
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let result = try deploycat.run("apply", "-f", spec, "--db", database)
        #expect(result.status != 0)
        #expect(result.errorLines == ["Error: \(spec): owner (line 5): unknown key \"owner\"; allowed: name, team, pattern, "
            + "regions, account, stage, tags, usage, properties"])
        #expect(try DatabaseFiles.contents(database) == before)
    }

    @Test func synthNeedsAppsOrAll() throws {
        let result = try deploycat.run("synth")
        #expect(result.status != 0)
        #expect(result.stderr.contains("name apps to synthesize, or give --all"))
        let unknown = try deploycat.run("synth", "suport-chat")
        #expect(unknown.errorLines == ["Error: app \"suport-chat\" is not in the catalog; `deploycat apps list` lists the apps"])
    }

    @Test func quickstartIsRepeatable() throws {
        let first = try deploycat.run("quickstart", "--examples", examples)
        #expect(first.status == 0)
        #expect(first.stdout.contains("applied 13 app specs from \(examples): 13 created"))
        #expect(first.stdout.contains("synthesized 15 templates (15 new); wrote 15 to out/"))
        #expect(first.stdout.contains("amazon.titan-embed-text-v2:0"))
        #expect(first.stdout.contains("cost-center"))
        // One line for deploycat:app instead of a row per app.
        #expect(first.stdout.contains("deploycat:app: each app's name, on each of its resources"))
        #expect(!first.stdout.split(separator: "\n").contains { $0.hasPrefix("deploycat:app ") })
        let again = try deploycat.run("quickstart", "--examples", examples)
        #expect(again.stdout.contains("13 unchanged") && again.stdout.contains("(15 unchanged)"))
        #expect(FileManager.default.fileExists(atPath: folder.path("out/partner-gateway/ap-southeast-2.template.json")))
    }
}
