import CatalogTestSupport
import Foundation
import Testing

/// What the commands and the scripts in bin/ print.
@Suite struct OutputShapeTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
    }

    /// The commands under quickstart's "Next:", without the comment lines.
    func nextCommands(_ output: String) -> [String] {
        let next = output.components(separatedBy: "Next:\n").dropFirst().first ?? ""
        return next.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    // MARK: - Tables

    @Test(arguments: [["catalog", "geos"], ["catalog", "profiles"], ["catalog", "regions"],
                      ["catalog", "model", "anthropic.claude-sonnet-4-5-20250929-v1:0"]])
    func tablesFitInColumns(_ arguments: [String]) throws {
        try expectLines(of: arguments, atMost: 100)
    }

    /// Text such as model ids and Region names is never cut, so these tables need more room.
    @Test(arguments: [["catalog", "models"], ["catalog", "regions", "--all"]])
    func widerTablesFitIn120Columns(_ arguments: [String]) throws {
        try expectLines(of: arguments, atMost: 120)
    }

    func expectLines(
        of arguments: [String], atMost width: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var narrow = deploycat
        narrow.environment["COLUMNS"] = "\(width)"
        let result = try narrow.run(arguments)
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 1, sourceLocation: sourceLocation)
        let tooWide = lines.filter { $0.count > width }
        #expect(tooWide.isEmpty, "\(arguments.joined(separator: " ")): \(tooWide.count) lines over \(width) columns",
                sourceLocation: sourceLocation)
    }

    @Test func shortenedRegionListsSayHowManyMoreThereAre() throws {
        var narrow = deploycat
        narrow.environment["COLUMNS"] = "100"
        let table = try narrow.run("catalog", "geos").stdout
        let global = try #require(table.split(separator: "\n").first { $0.hasPrefix("global ") })
        let full = try #require(try json(deploycat.run("catalog", "geos", "--json")) as? [[String: Any]])
        let destinations = try #require(full.first { $0["prefix"] as? String == "global" }?["destinationRegions"]
            as? [String])
        #expect(destinations.count > 20)
        // ... af-south-1,ap-east-2 +31 more
        let fields = global.split(separator: " ").map(String.init)
        try #require(fields.count > 3, "\(global)")
        let shown = fields[fields.count - 3].split(separator: ",").map(String.init)
        #expect(shown == Array(destinations.prefix(shown.count)))
        #expect(fields.suffix(2) == ["+\(destinations.count - shown.count)", "more"], "\(global)")
    }

    // MARK: - JSON and counts

    @Test func emptyJSONListsAreTwoBrackets() throws {
        #expect(try deploycat.run("apps", "list", "--json").stdout == "[]\n")
        #expect(try deploycat.run("tags", "--json").stdout == "[]\n")
    }

    @Test func countsOfOneAreSingular() throws {
        let result = try deploycat.run("catalog", "profiles", "--model", "anthropic.claude-sonnet-5-5")
        #expect(result.status == 0)
        #expect(result.stderr == "1 profile\n")
    }

    // MARK: - catalog regions

    @Test func regionsListBedrockRegionsWithTheirGeographiesAndModels() throws {
        let regions = try #require(try json(deploycat.run("catalog", "regions", "--json")) as? [[String: Any]])
        let codes = regions.compactMap { $0["code"] as? String }
        #expect(codes == codes.sorted())
        #expect(!codes.contains("cn-north-1"))
        let virginia = try #require(regions.first { $0["code"] as? String == "us-east-1" })
        #expect(virginia["name"] as? String == "US East (N. Virginia)")
        #expect(virginia["partition"] as? String == "aws")
        #expect(virginia["sourceOf"] as? [String] == ["global", "us"])
        let models = try #require(virginia["models"] as? Int)
        let onDemand = try #require(virginia["onDemandModels"] as? Int)
        #expect(models > 50 && onDemand > 0 && onDemand < models)

        let all = try #require(try json(deploycat.run("catalog", "regions", "--all", "--json")) as? [[String: Any]])
        let beijing = try #require(all.first { $0["code"] as? String == "cn-north-1" })
        #expect(beijing["bedrock"] as? Bool == false)
        #expect(beijing["models"] as? Int == 0)

        let table = try deploycat.run("catalog", "regions")
        #expect(table.stdout.hasPrefix("REGION"))
        #expect(table.stdout.contains("us-east-1"))
        #expect(table.stderr.contains("Regions with Bedrock"))
    }

    // MARK: - catalog models

    @Test func modelsNoAppCanCallAreHiddenUnlessAll() throws {
        let shown = try deploycat.run("catalog", "models", "--json")
        let ids = try #require(try json(shown) as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(!ids.contains("ai21.j2-mid-v1"), "no Region, no profile, no lifecycle")
        #expect(ids.contains("amazon.nova-pro-v1:0"))
        #expect(ids.contains("anthropic.claude-v2"), "LEGACY, listed nowhere: shown, its lifecycle is known")
        #expect(ids.contains("anthropic.claude-haiku-5-5"), "no Region, no lifecycle: shown, a profile routes to it")
        let table = try deploycat.run("catalog", "models")
        #expect(table.stderr.contains("36 more models hidden, which no app can call"))
        #expect(table.stderr.contains("(--all lists them)"))
        let all = try deploycat.run("catalog", "models", "--all", "--json")
        let allIds = try #require(try json(all) as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(allIds.count == ids.count + 36)
        #expect(allIds.contains("ai21.j2-mid-v1"))
    }

    // MARK: - quickstart

    @Test func quickstartExplainsItsFirstLineAndPrintsRunnableCommands() throws {
        let examples = PackagePaths.root.appendingPathComponent("examples").path
        let result = try deploycat.run("quickstart", "--examples", examples)
        #expect(result.status == 0, "\(result.stderr)")
        let firstScreen = result.stdout.split(separator: "\n").prefix(4).joined(separator: "\n")
        #expect(firstScreen.contains(
            "37 of the profiles are not listed by AWS today: kept for apps that still name them, with a warning"))
        let commands = nextCommands(result.stdout)
        #expect(!commands.isEmpty)
        #expect(commands.allSatisfy { $0.hasPrefix("deploycat ") }, "\(commands)")

        var fromClone = deploycat
        fromClone.environment["DEPLOYCAT_COMMAND"] = "bin/deploycat"
        let again = try fromClone.run("quickstart", "--examples", examples, "--db", "other.sqlite")
        let commandsAgain = nextCommands(again.stdout)
        #expect(!commandsAgain.isEmpty)
        #expect(commandsAgain.allSatisfy { $0.hasPrefix("bin/deploycat ") && $0.hasSuffix(" --db other.sqlite") },
                "\(commandsAgain)")
    }

    // MARK: - bin/

    @Test func installHasHelpAndRejectsUnknownArguments() throws {
        let help = try Script.run("bin/deploycat", "install", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("--prefix DIR"))
        #expect(help.stdout.contains("~/.local"))
        let wrong = try Script.run("bin/deploycat", "install", "--prefx", "/tmp")
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("unknown argument '--prefx'"))
    }

    @Test func setUpStepsAreQuietUnlessTheyFail() throws {
        let quiet = try Script.run("bash", "-c",
                                   "source bin/lib/common.sh && quietly sh -c 'echo progress; echo more >&2'")
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty)
        let failing = try Script.run("bash", "-c",
                                     "source bin/lib/common.sh && quietly sh -c 'echo why it failed; exit 3'")
        #expect(failing.status == 3)
        #expect(failing.stdout.isEmpty)
        #expect(failing.stderr.contains("why it failed"))
    }
}
