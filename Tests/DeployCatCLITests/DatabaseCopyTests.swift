import CatalogTestSupport
import Foundation
import Testing

/// Relative path -> bytes of every file under `root`.
func filesUnder(_ root: String) -> [String: Data] {
    var contents: [String: Data] = [:]
    for case let file as String in FileManager.default.enumerator(atPath: root) ?? FileManager.DirectoryEnumerator() {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + file, isDirectory: &isFolder), !isFolder.boolValue {
            contents[file] = FileManager.default.contents(atPath: root + "/" + file)
        }
    }
    return contents
}

/// `db copy`: the whole catalog into a new file, checked, or nothing at all.
@Suite struct DatabaseCopyTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
    }

    func files(_ directory: String) -> [String: Data] { filesUnder(folder.path(directory)) }

    /// A copy of a catalog with the examples applied, synthesized and changed exports the same
    /// templates, byte for byte, and holds the same history.
    @Test func aCopyExportsTheSameTemplatesAndKeepsTheHistory() throws {
        let examples = PackagePaths.root.appendingPathComponent("examples").path
        #expect(try deploycat.run("quickstart", "--examples", examples, "--out", "out").status == 0)
        #expect(try deploycat.run("catalog", "import-profiles", PackagePaths.fixture("list-inference-profiles-us-west-1.json"),
                                  "--region", "us-west-1").status == 0)
        let copy = try deploycat.run("db", "copy", "--to", "copy.sqlite")
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(copy.stdout.hasPrefix("copied \(deploycat.databaseName) to copy.sqlite: 2 catalog revisions, 13 apps, 15 template versions ("))
        #expect(copy.stdout.hasSuffix("checked: every row equal, every template body hashes to its recorded SHA-256\n"))
        #expect(try deploycat.run("export", "--out", "out-copy", "--db", "copy.sqlite").status == 0)
        #expect(files("out-copy") == (files("out")) && !(files("out")).isEmpty)
        #expect(try deploycat.run("catalog", "log", "--db", "copy.sqlite").stdout == (try deploycat.run("catalog", "log").stdout))
        #expect(try deploycat.run("versions", "support-chat", "--json", "--db", "copy.sqlite").stdout
            == (try deploycat.run("versions", "support-chat", "--json").stdout))
    }

    @Test func anExistingTargetOrAnUnreachableServerIsRefusedAndNothingIsLeftBehind() throws {
        #expect(try deploycat.run("apps", "list").status == 0)
        #expect(FileManager.default.createFile(atPath: folder.path("taken.sqlite"), contents: Data("keep".utf8)))
        let taken = try deploycat.run("db", "copy", "--to", "taken.sqlite")
        #expect(taken.status != 0)
        #expect(taken.errorLines == ["Error: cannot copy into taken.sqlite: it exists already; a copy goes into a "
            + "new file"])
        #expect(FileManager.default.contents(atPath: folder.path("taken.sqlite")) == Data("keep".utf8))
        let server = try deploycat.run("db", "copy", "--to", "postgres://team@127.0.0.1:1/catalog")
        #expect(server.status == 69)
        #expect(server.errorLines == ["Error: the catalog database catalog on 127.0.0.1 port 1 (user team) is unavailable: "
            + "connection refused; is PostgreSQL running and listening there?"])
        let nowhere = try deploycat.run("db", "copy", "--to", "missing-folder/copy.sqlite")
        #expect(nowhere.errorLines == ["Error: cannot copy into missing-folder/copy.sqlite: the folder "
            + "missing-folder does not exist"])
        #expect(!FileManager.default.fileExists(atPath: folder.path("missing-folder")))
        #expect(try deploycat.run("db", "copy", "--to", "file:copy.sqlite").errorLines
            == ["Error: cannot copy into file:copy.sqlite: name a plain file path, such as backup.sqlite"])
    }

    /// A mistyped source is an error, not a copy of a brand-new default catalog.
    @Test func theSourceMustExist() throws {
        let typo = try deploycat.run("db", "copy", "--db", "deploycat.sqlit", "--to", "copy.sqlite")
        #expect(typo.errorLines == ["Error: database deploycat.sqlit cannot be opened: it does not exist; name an existing "
            + "catalog with --db"])
        #expect(!FileManager.default.fileExists(atPath: folder.path("deploycat.sqlit"))
            && !FileManager.default.fileExists(atPath: folder.path("copy.sqlite")))
    }
}

/// `db copy` between engines: a team's SQLite file into the shared PostgreSQL database and back.
@Suite(.enabled(if: TestPostgres.url != nil, "needs the PostgreSQL server bin/test starts"))
struct DatabaseCopyBetweenEnginesTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess

    init() throws {
        folder = try TemporaryDirectory()
        var deploycat = try DeployCatProcess(workingDirectory: folder.url)
        deploycat.environment["DEPLOYCAT_DB"] = nil
        self.deploycat = deploycat
    }

    func files(_ directory: String) -> [String: Data] { filesUnder(folder.path(directory)) }

    @Test func sqliteToPostgreSQLAndBackExportsTheSameBytes() throws {
        let examples = PackagePaths.root.appendingPathComponent("examples").path
        #expect(try deploycat.run("quickstart", "--examples", examples, "--out", "out", "--db", "team.sqlite").status == 0)
        #expect(try deploycat.run("catalog", "import-profiles", PackagePaths.fixture("list-inference-profiles-us-west-1.json"),
                                  "--region", "us-west-1", "--db", "team.sqlite").status == 0)
        let shared = try TestPostgres.createDatabaseURL(prefix: "shared")
        let up = try deploycat.run("db", "copy", "--db", "team.sqlite", "--to", shared)
        #expect(up.status == 0, "\(up.stderr)")
        #expect(up.stdout.hasPrefix("copied team.sqlite to \(shared): 2 catalog revisions, 13 apps, 15 template versions ("))
        let down = try deploycat.run("db", "copy", "--db", shared, "--to", "back.sqlite")
        #expect(down.status == 0, "\(down.stderr)")
        for database in ["team.sqlite", shared, "back.sqlite"] {
            let name = database == shared ? "from-server" : database
            #expect(try deploycat.run("export", "--out", "export-\(name)", "--db", database).status == 0)
            #expect(try deploycat.run("catalog", "log", "--json", "--db", database).stdout
                == (try deploycat.run("catalog", "log", "--json", "--db", "team.sqlite").stdout), "\(database)")
            #expect(try deploycat.run("versions", "support-chat", "--json", "--db", database).stdout
                == (try deploycat.run("versions", "support-chat", "--json", "--db", "team.sqlite").stdout), "\(database)")
        }
        let exported = files("export-team.sqlite")
        #expect(exported.count == 15)
        #expect(files("export-from-server") == exported)
        #expect(files("export-back.sqlite") == exported)
        // The server's copy works on: the next synth finds nothing to change, and new revisions,
        // log lines and versions get new ids after the copied ones.
        let unchanged = try deploycat.run("synth", "--all", "--db", shared)
        #expect(unchanged.status == 0 && !unchanged.stdout.contains(" new"), "\(unchanged.stderr)")
        let change = try deploycat.run("catalog", "apply", "-f", PackagePaths.fixture("catalog-update.yaml"), "--force",
                                       "--db", shared)
        #expect(change.status == 0 && change.stdout.hasPrefix("catalog revision 3:"), "\(change.stderr)")
        let spec = try String(contentsOfFile: PackagePaths.root.appendingPathComponent("examples/support-chat.yaml").path,
                              encoding: .utf8).replacingOccurrences(of: "CX-1042", with: "CX-2001")
        #expect(try deploycat.run(["apply", "-f", "-", "--db", shared], input: spec).status == 0)
        let synth = try deploycat.run("synth", "support-chat", "--db", shared)
        #expect(synth.status == 0 && synth.stdout.contains(" new"), "\(synth.stderr)")
    }

    @Test func aServerDatabaseWithTablesIsRefusedAndLeftAsItWas() throws {
        #expect(try deploycat.run("catalog", "log", "--limit", "1", "--db", "team.sqlite").status == 0)
        let name = try TestPostgres.createDatabase(prefix: "taken")
        try TestPostgres.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)", in: name)
        let url = TestPostgres.databaseURL(name)
        let before = try TestPostgres.dump(url)
        let copy = try deploycat.run("db", "copy", "--db", "team.sqlite", "--to", url)
        #expect(copy.status == 1)
        #expect(copy.errorLines == ["Error: cannot copy into \(url): the database holds tables already (invoices); "
            + "a copy goes into a database without tables"])
        #expect(try TestPostgres.dump(url) == before)
    }

    /// A source database that holds no catalog is an error, not a copy of a brand-new default catalog.
    @Test func anEmptySourceDatabaseIsRefusedAndLeftEmpty() throws {
        let empty = try TestPostgres.createDatabaseURL(prefix: "empty")
        let copy = try deploycat.run("db", "copy", "--db", empty, "--to", "copy.sqlite")
        #expect(copy.status == 1)
        #expect(copy.errorLines == ["Error: database \(empty) cannot be opened: it holds no deploycat catalog; name the "
            + "database that holds one with --db"])
        #expect(!FileManager.default.fileExists(atPath: folder.path("copy.sqlite")))
        let name = TestPostgres.databaseName(of: empty)
        #expect(try TestPostgres.query("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
                                       in: name) == ["0"])
    }
}
