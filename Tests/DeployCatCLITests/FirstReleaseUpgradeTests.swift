import CatalogTestSupport
import Foundation
import Testing

/// A catalog written by the first released deploycat (schema steps 0001 and 0002; made by
/// scripts/make-first-release-fixture.sh with that release's binary) opens in today's: its apps,
/// spec revisions, template versions and change log are all there and read as that release printed
/// them, the schema is brought forward, and the catalog goes on working.
@Suite struct FirstReleaseUpgradeTests {
    static let fixture = PackagePaths.root.appendingPathComponent("Tests/DeployCatCLITests/Fixtures/first-release")
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    let database: String

    init() throws {
        folder = try TemporaryDirectory()
        database = folder.path("first-release.sqlite")
        let archive = Self.fixture.appendingPathComponent("first-release.sqlite.gz").path
        #expect(try Script.run("sh", "-c", "gzip -dc \"$0\" > \"$1\"", archive, database).status == 0)
        var process = try DeployCatProcess(workingDirectory: folder.url)
        process.environment["DEPLOYCAT_DB"] = database
        deploycat = process
    }

    /// What the first release printed, as rows of words (its tables' columns).
    func expected(_ name: String) throws -> [[String]] {
        let text = try String(contentsOf: Self.fixture.appendingPathComponent("expected/\(name)"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: " ").map(String.init) }
    }

    func migrations() throws -> [String] {
        let query = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            + "print('\\n'.join(r[0] for r in c.execute('SELECT identifier FROM grdb_migrations ORDER BY identifier')))"
        return try Script.run("python3", "-c", query, database).stdout.split(separator: "\n").map(String.init)
    }

    @Test func itsAppsVersionsAndTemplatesAreKeptAndTheCatalogGoesOnWorking() throws {
        #expect(try migrations() == ["0001_create_catalog", "0002_create_apps"])

        // The live apps, and the deleted one's history.
        let apps = try #require(try json(deploycat.run("apps", "list", "--json")) as? [[String: Any]])
        #expect(apps.compactMap { $0["name"] as? String } == (try expected("apps-list.txt")).map { $0[0] })
        #expect(!apps.contains { $0["name"] as? String == "catalog-search" })
        // The table, read from the summary columns the upgrade filled from the specs, as it printed it.
        let table = try deploycat.run("apps", "list")
        #expect(table.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ").map(String.init) }
            == (try expected("apps-list.txt")))

        // Every version of support-chat (two spec revisions) and of the deleted app, same hashes.
        for app in ["support-chat", "catalog-search"] {
            let versions = try #require(try json(deploycat.run("versions", app, "--json")) as? [[String: Any]])
            let now = versions.map { ["\($0["region"] ?? "")", "\($0["version"] ?? "")", String("\($0["sha256"] ?? "")".prefix(12))] }
                .sorted { $0.lexicographicallyPrecedes($1) }
            let then = try expected("versions-\(app).txt").map { Array($0.prefix(3)) }
            #expect(now == then, "versions of \(app)")
        }
        for version in [1, 2] {
            let template = try deploycat.run("template", "support-chat", "--region", "eu-west-1", "--version", "\(version)")
            let then = try Data(contentsOf: Self.fixture.appendingPathComponent("expected/support-chat-eu-west-1-v\(version).json"))
            #expect(template.status == 0 && Data(template.stdout.utf8) == then, "support-chat v\(version) in eu-west-1")
        }
        let verify = try deploycat.run("verify")
        #expect(verify.status == 0, "\(verify.stdout)")
        let log = try #require(try json(deploycat.run("catalog", "log", "--json")) as? [[String: Any]])
        #expect(Set(log.compactMap { $0["revision"] as? Int }) == [1, 2])

        // Brought forward, and it goes on working: today's templates for the old specs, a catalog change.
        let synth = try deploycat.run("synth", "--all")
        #expect(synth.status == 0, "\(synth.stderr)")
        #expect(try migrations() == (try FileManager.default.contentsOfDirectory(atPath: PackagePaths.root
            .appendingPathComponent("migrations/sqlite").path).map { String($0.prefix { $0 != "." }) }.sorted()))
        #expect(try deploycat.run("regenerate", "--dry-run", "--exit-code").status == 0)
        let change = "prices:\n  - modelId: amazon.nova-micro-v1:0\n    inputPer1k: 0.00005\n"
        #expect(try deploycat.run(["catalog", "apply", "-f", "-"], input: change).status == 0)
        let after = try #require(try json(deploycat.run("versions", "support-chat", "--json")) as? [[String: Any]])
        #expect(after.count >= 4)
        #expect(try deploycat.run("verify").status == 0)
    }
}
