import CatalogTestSupport
import Foundation
import Synchronization
import Testing

/// `backup PATH`: a consistent, checked copy of an SQLite catalog taken while others write; a
/// PostgreSQL catalog is pointed to pg_dump.
@Suite struct BackupTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
    }

    static func spec(_ name: String) -> String {
        """
        name: \(name)
        team: backup
        pattern: application-inference-profile
        regions: [us-east-1]
        properties:
          modelSource:
            crossRegion: { geography: us, model: amazon.nova-micro-v1:0 }
        """
    }

    /// Two processes apply and synthesize new apps while backups are taken: every backup is a
    /// sound catalog of one moment (each writer has at most its latest app not yet synthesized),
    /// each later backup holds at least what the earlier did, and the last holds everything.
    @Test(.enabled(if: !TestPostgres.commandsUsePostgres, "PostgreSQL catalogs are backed up with pg_dump"))
    func backupsTakenWhileOthersWriteAreWholeAndChecked() throws {
        #expect(try deploycat.run("apps", "list").status == 0)
        let writers = 2, rounds = 12
        let failures = Mutex<[String]>([])
        let finished = DispatchGroup()
        for writer in 0..<writers {
            finished.enter()
            let files = folder.url
            Thread { [deploycat] in
                for round in 0..<rounds {
                    let name = "w\(writer)-\(round)"
                    let file = files.appendingPathComponent("\(name).yaml").path
                    do {
                        try Self.spec(name).write(toFile: file, atomically: true, encoding: .utf8)
                        for command in [["apply", "-f", file], ["synth", name]] {
                            let result = try deploycat.run(command)
                            if result.status != 0 { failures.withLock { $0.append("\(name): \(result.stderr)") } }
                        }
                    } catch {
                        failures.withLock { $0.append("\(name): \(error)") }
                    }
                }
                finished.leave()
            }.start()
        }
        var counts: [Int] = []
        var backup = 0
        while finished.wait(timeout: .now()) == .timedOut || backup == 0 {
            backup += 1
            let path = "backup-\(backup).sqlite"
            let result = try deploycat.run("backup", path)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("backed up deploycat.sqlite to \(path) ("))
            let verified = try deploycat.run("verify", "--db", path)
            #expect(verified.status == 0, "\(verified.stdout)")
            let apps = try #require(try json(deploycat.run("apps", "list", "--json", "--db", path)) as? [[String: Any]])
            let versions = try #require(try json(deploycat.run("verify", "--json", "--db", path)) as? [String: Any])
            let synthesized = try #require(versions["versions"] as? Int)
            #expect(synthesized <= apps.count && synthesized >= apps.count - writers, "backup \(backup)")
            counts.append(apps.count)
        }
        #expect(failures.withLock { $0 } == [])
        #expect(counts == counts.sorted(), "later backups hold at least what earlier ones did: \(counts)")
        let last = try deploycat.run("backup", "last.sqlite")
        #expect(last.status == 0)
        let apps = try #require(try json(deploycat.run("apps", "list", "--json", "--db", "last.sqlite")) as? [[String: Any]])
        #expect(apps.count == writers * rounds)
        // Nothing but the backups is left in the folder: no hidden partial file.
        let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.path("")).filter { $0.hasPrefix(".") }
        #expect(hidden == [])
    }

    @Test(.enabled(if: !TestPostgres.commandsUsePostgres, "PostgreSQL catalogs are backed up with pg_dump"))
    func anExistingTargetAMissingFolderOrAMissingCatalogIsRefused() throws {
        #expect(try deploycat.run("apps", "list").status == 0)
        try Data("keep".utf8).write(to: folder.url.appendingPathComponent("taken.sqlite"))
        let taken = try deploycat.run("backup", "taken.sqlite")
        #expect(taken.status == 1)
        #expect(taken.errorLines == ["Error: cannot copy into taken.sqlite: it exists already; a copy goes into a new file"])
        #expect(FileManager.default.contents(atPath: folder.path("taken.sqlite")) == Data("keep".utf8))
        let nowhere = try deploycat.run("backup", "missing-folder/b.sqlite")
        #expect(nowhere.errorLines == ["Error: cannot copy into missing-folder/b.sqlite: the folder missing-folder does not exist"])
        let noCatalog = try deploycat.run("backup", "--db", "typo.sqlite", "b.sqlite")
        #expect(noCatalog.status == 1 && noCatalog.stderr.contains("typo.sqlite cannot be opened: it does not exist"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("b.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("typo.sqlite")))
    }

    /// A catalog on PostgreSQL: the server is reached, pg_dump is named, nothing is written.
    @Test(.enabled(if: TestPostgres.url != nil, "needs the PostgreSQL server bin/test starts"))
    func aPostgreSQLCatalogIsPointedToPgDump() throws {
        let url = try TestPostgres.createDatabaseURL(prefix: "backup")
        #expect(try deploycat.run("apps", "list", "--db", url).status == 0)
        let result = try deploycat.run("backup", "--db", url, "b.sqlite")
        #expect(result.status == 1)
        #expect(result.stderr.contains("is on a PostgreSQL server, which makes its own backups: the server answered"))
        #expect(result.stderr.contains("pg_dump --format=custom --file=b.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("b.sqlite")))
    }

    /// `verify` also runs SQLite's own checks: a row pointing at a row that is not there is named.
    @Test(.enabled(if: !TestPostgres.commandsUsePostgres, "SQLite's integrity and foreign key checks"))
    func verifyNamesARowThatRefersToAMissingOne() throws {
        let examples = PackagePaths.root.appendingPathComponent("examples").path
        #expect(try deploycat.run("quickstart", "--examples", examples).status == 0)
        // With foreign keys off, as a careless tool would.
        try deploycat.executeDirectly("DELETE FROM app WHERE name = 'support-chat'")
        let damaged = try deploycat.run("verify")
        #expect(damaged.status == 1)
        #expect(damaged.stdout.hasPrefix("the database's integrity check found "))
        #expect(damaged.stdout.contains("refers to a missing row of app"))
        let backup = try deploycat.run("backup", "b.sqlite")
        #expect(backup.status == 1 && backup.stderr.contains("failed its check"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("b.sqlite")))
    }

    /// The copy is checked as `verify` checks: an app row whose listed fields its spec does not
    /// say is named, and nothing is kept.
    @Test(.enabled(if: !TestPostgres.commandsUsePostgres, "PostgreSQL catalogs are backed up with pg_dump"))
    func aBackupWhoseCopyHasAnAppListedWrongNamesIt() throws {
        let examples = PackagePaths.root.appendingPathComponent("examples").path
        #expect(try deploycat.run("apply", "--file", examples).status == 0)
        try deploycat.executeDirectly("UPDATE app SET team = 'nobody' WHERE name = 'support-chat'")
        let backup = try deploycat.run("backup", "b.sqlite")
        #expect(backup.status == 1 && backup.stderr.contains("listed fields differ from the spec: support-chat: team"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("b.sqlite")))
    }
}
