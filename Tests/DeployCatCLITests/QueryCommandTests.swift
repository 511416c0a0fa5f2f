@testable import DeployCatCLI
import CatalogTestSupport
import Foundation
import Testing

/// The catalog's queries: `apps list --routes-to` and `--format`, `impact`, `catalog models --usage`.
@Suite struct QueryCommandTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    let examples = PackagePaths.root.appendingPathComponent("examples").path

    init() throws {
        folder = try TemporaryDirectory()
        var process = try DeployCatProcess(workingDirectory: folder.url)
        // Tables as wide as their text, whatever the terminal the tests run in.
        process.environment["COLUMNS"] = "500"
        deploycat = process
    }

    /// The examples applied and synthesized.
    func quickstart() throws {
        #expect(try deploycat.run("quickstart", "--examples", examples).status == 0)
    }

    func jsonArray(_ arguments: String...) throws -> [[String: Any]] {
        let result = try deploycat.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try json(result) as? [[String: Any]])
    }

    // MARK: - apps list --routes-to

    /// A us-east-1 app on a `us.` profile may be served in us-west-2; its eu-west-1 Region and EU
    /// apps are not; an app calling its model in a Region alone is not routed there.
    @Test func routesToListsTheAppsAProfileRoutesThere() throws {
        try quickstart()
        let west = try jsonArray("apps", "list", "--routes-to", "us-west-2", "--json")
        let chat = try #require(west.first { $0["name"] as? String == "support-chat" })
        let routes = try #require(chat["routes"] as? [[String: Any]])
        #expect(routes.map { $0["fromRegion"] as? String } == ["us-east-1"])
        #expect(routes.map { $0["profile"] as? String } == ["us.anthropic.claude-haiku-4-5-20251001-v1:0"])
        #expect(!west.contains { $0["name"] as? String == "it-helpdesk-agent" })

        let table = try deploycat.run("apps", "list", "--routes-to", "eu-central-1", "--team", "customer-experience")
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.hasSuffix("FROM REGION  PROFILE") == true)
        #expect(lines.dropFirst().map { $0.split(separator: " ").first } == ["support-chat"])
        #expect(lines.last?.hasSuffix("eu-west-1    eu.anthropic.claude-haiku-4-5-20251001-v1:0") == true)
        // catalog-search calls its embedding model in eu-central-1 alone: served there, not routed there.
        let central = try jsonArray("apps", "list", "--routes-to", "eu-central-1", "--json").compactMap { $0["name"] as? String }
        #expect(central == ["it-helpdesk-agent", "support-chat"])
        #expect(try jsonArray("apps", "list", "--region", "eu-central-1", "--json").contains { $0["name"] as? String == "catalog-search" })
    }

    @Test func routesToAnUnknownRegionSuggestsOnes() throws {
        let result = try deploycat.run("apps", "list", "--routes-to", "us-west-9")
        #expect(result.status == 1)
        #expect(result.errorLines == ["Error: Region \"us-west-9\" is not in the catalog (did you mean \"us-west-1\" or "
            + "\"us-west-2\"?); `deploycat catalog regions` lists the Regions"])
    }

    // MARK: - apps list --format

    @Test func csvHasAHeaderFullListsAndOneRowPerRoute() throws {
        try quickstart()
        var narrow = deploycat
        narrow.environment["COLUMNS"] = "40"
        let result = try narrow.run("apps", "list", "--routes-to", "us-west-2", "--format", "csv")
        #expect(result.status == 0)
        let rows = result.stdout.components(separatedBy: "\r\n")
        #expect(rows.first == "APP,TEAM,PATTERN,MODEL,REGIONS,STAGE,FROM REGION,PROFILE")
        #expect(rows.last == "")
        #expect(rows.filter { $0.hasPrefix("analytics-profile,") } == [
            "analytics-profile,data-platform,application-inference-profile,anthropic.claude-sonnet-4-5-20250929-v1:0,"
                + "\"us-east-1,us-west-2\",-,us-east-1,us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "analytics-profile,data-platform,application-inference-profile,anthropic.claude-sonnet-4-5-20250929-v1:0,"
                + "\"us-east-1,us-west-2\",-,us-west-2,us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        ])
        let all = try deploycat.run("apps", "list", "--format", "csv")
        #expect(all.stdout.components(separatedBy: "\r\n").count == 1 + 13 + 1)
        #expect(try deploycat.run("apps", "list", "--format", "json").stdout == deploycat.run("apps", "list", "--json").stdout)
    }

    @Test func aFieldWithACommaAQuoteOrALineBreakIsQuoted() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("Customer \"CX\", EMEA") == "\"Customer \"\"CX\"\", EMEA\"")
        #expect(CSV.field("two\r\nlines") == "\"two\r\nlines\"")
        #expect(CSV.render(header: ["A", "B"], rows: [["1", "x,y"]]) == "A,B\r\n1,\"x,y\"\r\n")
    }

    @Test func aFieldASpreadsheetWouldRunAsAFormulaStartsWithAQuote() {
        #expect(CSV.field("=1+2") == "'=1+2")
        #expect(CSV.field("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0")
        #expect(CSV.field("+cmd") == "'+cmd" && CSV.field("-2+3") == "'-2+3" && CSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.field("\t=1") == "'\t=1" && CSV.field("\r=1") == "\"'\r=1\"")
        #expect(CSV.field("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
        #expect(CSV.field("-12.50") == "-12.50" && CSV.field("+3") == "+3" && CSV.field("-0.0001") == "-0.0001")
        #expect(CSV.field("-") == "-" && CSV.field("--") == "'--" && CSV.field("-1e5") == "'-1e5" && CSV.field("-.5") == "'-.5")
        #expect(CSV.field("a=1") == "a=1" && CSV.field("") == "")
    }

    @Test func jsonAndAnotherFormatConflict() throws {
        let result = try deploycat.run("apps", "list", "--json", "--format", "csv")
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.errorLines.first == "Error: --json means --format json, so it cannot be combined with --format csv")
    }

    // MARK: - impact

    /// Each Region's row: app, Region, version, VALID.
    func impactRows(_ arguments: String...) throws -> [String] {
        let result = try deploycat.run(["impact"] + arguments + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let impact = try #require(try json(result) as? [String: Any])
        let regions = try #require(impact["regions"] as? [[String: Any]])
        return regions.map { row in
            let version = (row["version"] as? Int).map { "v\($0)" } ?? "not synthesized"
            return "\(row["app"] ?? "") \(row["region"] ?? "") \(version) \(row["validates"] as? Bool == true ? "valid" : "invalid")"
        }
    }

    @Test func impactOfAModelAndOfAProfile() throws {
        try quickstart()
        #expect(try impactRows("--model", "amazon.titan-embed-text-v2:0")
            == ["catalog-search eu-central-1 v1 invalid", "embeddings-eu eu-west-1 v1 invalid"])
        // An applied spec not synthesized yet is listed too.
        let spec = folder.path("late.yaml")
        try ("name: late-profile\nteam: qa\npattern: application-inference-profile\nregions: [us-east-2]\n"
            + "properties: { modelSource: { crossRegion: { geography: us, model: amazon.nova-pro-v1:0 } } }\n")
            .write(toFile: spec, atomically: true, encoding: .utf8)
        #expect(try deploycat.run("apply", "-f", spec).status == 0)
        let table = try deploycat.run("impact", "--profile", "us.amazon.nova-pro-v1:0")
        #expect(table.stdout.contains("late-profile               qa          us-east-2  not synthesized  no     regions[0]: "
            + "model \"amazon.nova-pro-v1:0\" has no system-defined inference profile in geography \"us\" callable from "
            + "\"us-east-2\"; it has no us profile at all"))
        #expect(table.errorLines == ["profile \"us.amazon.nova-pro-v1:0\": 4 app Regions (4 apps, 1 not synthesized); "
            + "without it, 4 would not check out"])
    }

    /// Without a Region, apps deployed there stop checking out there; apps whose profiles route
    /// there still do, and so do their other Regions.
    @Test func impactOfARegionAndOfAGeography() throws {
        try quickstart()
        #expect(try impactRows("--region", "us-west-2") == [
            "analytics-profile us-east-1 v1 valid", "analytics-profile us-west-2 v1 invalid",
            "analytics-sql-assistant us-west-2 v1 invalid", "claims-batch us-east-1 v1 valid",
            "finance-reporting-profile us-east-1 v1 valid", "month-end-assistant us-east-2 v1 valid",
            "support-chat us-east-1 v1 valid", "support-reply-prompt us-west-2 v1 invalid",
        ])
        // The eu profiles' models have global profiles to fall back on.
        #expect(try impactRows("--geo", "eu") == ["it-helpdesk-agent eu-central-1 v1 valid", "support-chat eu-west-1 v1 valid"])
    }

    @Test func impactNeedsExactlyOneKnownEntry() throws {
        let none = try deploycat.run("impact")
        #expect(none.status == 64)
        #expect(none.errorLines.first == "Error: give one of --model, --profile, --region or --geo")
        let two = try deploycat.run("impact", "--model", "amazon.nova-pro-v1:0", "--region", "us-east-1")
        #expect(two.status != 0 && two.stdout.isEmpty)
        #expect(two.errorLines == ["Error: give one of --model, --profile, --region or --geo, not --model and --region"])
        let model = try deploycat.run("impact", "--model", "amazon.nova-pro")
        #expect(model.status == 1)
        #expect(model.errorLines == ["Error: model \"amazon.nova-pro\" is not in the catalog (did you mean "
            + "\"amazon.nova-pro-v1:0\"?); `deploycat catalog models` lists the models"])
        let region = try deploycat.run("impact", "--region", "eu-west-9")
        #expect(region.status == 1)
        #expect(region.errorLines.first?.hasPrefix("Error: Region \"eu-west-9\" is not in the catalog (did you mean") == true)
    }

    // MARK: - catalog models --usage

    @Test func usageShowsAppsPatternsDeployedRegionsAndTeams() throws {
        try quickstart()
        let usage = try jsonArray("catalog", "models", "--usage", "--json")
        let nova = try #require(usage.first { $0["id"] as? String == "amazon.nova-pro-v1:0" })
        #expect(nova["apps"] as? [String] == ["claims-batch", "finance-reporting-profile", "month-end-assistant"])
        #expect(nova["appCount"] as? Int == 3)
        #expect(nova["patterns"] as? [String]
            == ["application-inference-profile", "bedrock-batch-stepfn", "lambda-bedrock-inference-profile"])
        #expect(nova["deployedRegions"] as? [String] == ["us-east-1", "us-east-2"])
        #expect(nova["teams"] as? [String] == ["claims-ops", "finance"])
        // The model's own Regions (where it is offered) stay as they were.
        #expect((nova["regions"] as? [String])?.count ?? 0 > 2)
        let table = try deploycat.run("catalog", "models", "--usage")
        #expect(table.stdout.split(separator: "\n").first?.split(separator: " ", omittingEmptySubsequences: true)
            == ["MODEL", "LIFECYCLE", "APPS", "USED", "BY", "PATTERNS", "DEPLOYED", "IN", "TEAMS"])
        #expect(table.stdout.contains("us-east-1,us-east-2                 claims-ops,finance"))
    }
}
