import CatalogTestSupport
import Foundation
import Testing

/// `db copy`: the whole catalog into a new file, checked, or nothing at all.
@Suite struct DatabaseCopyTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
    }

    /// Relative path -> bytes of every file under `directory`.
    func files(_ directory: String) throws -> [String: Data] {
        let root = folder.path(directory)
        var contents: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [:] }
        for case let file as String in enumerator {
            let path = root + "/" + file
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                contents[file] = FileManager.default.contents(atPath: path)
            }
        }
        return contents
    }

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
        #expect(try files("out-copy") == (try files("out")) && !(try files("out")).isEmpty)
        #expect(try deploycat.run("catalog", "log", "--db", "copy.sqlite").stdout == (try deploycat.run("catalog", "log").stdout))
        #expect(try deploycat.run("versions", "support-chat", "--json", "--db", "copy.sqlite").stdout
            == (try deploycat.run("versions", "support-chat", "--json").stdout))
    }

    @Test func anExistingTargetOrAnUnreachableServerIsRefusedAndNothingIsLeftBehind() throws {
        #expect(try deploycat.run("apps", "list").status == 0)
        #expect(FileManager.default.createFile(atPath: folder.path("taken.sqlite"), contents: Data("keep".utf8)))
        let taken = try deploycat.run("db", "copy", "--to", "taken.sqlite")
        #expect(taken.status != 0)
        #expect(taken.errorLines == ["Error: cannot create a database at taken.sqlite: it exists already; a copy goes into a "
            + "new file"])
        #expect(FileManager.default.contents(atPath: folder.path("taken.sqlite")) == Data("keep".utf8))
        let server = try deploycat.run("db", "copy", "--to", "postgres://team@127.0.0.1:1/catalog")
        #expect(server.status == 69)
        #expect(server.errorLines == ["Error: the catalog database catalog on 127.0.0.1 port 1 (user team) is unavailable: "
            + "connection refused; is PostgreSQL running and listening there?"])
        let nowhere = try deploycat.run("db", "copy", "--to", "missing-folder/copy.sqlite")
        #expect(nowhere.errorLines == ["Error: cannot create a database at missing-folder/copy.sqlite: the folder "
            + "missing-folder does not exist"])
        #expect(!FileManager.default.fileExists(atPath: folder.path("missing-folder")))
        #expect(try deploycat.run("db", "copy", "--to", "file:copy.sqlite").errorLines
            == ["Error: cannot create a database at file:copy.sqlite: name a plain file path, such as backup.sqlite"])
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
