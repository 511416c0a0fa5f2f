import CatalogTestSupport
import Foundation
import Testing

/// The command line against a PostgreSQL server reached with a password: no output ever shows
/// the password, quickstart says when it created the catalog, and the commands it suggests name
/// the database.
@Suite(.enabled(if: TestPostgres.port != nil, "needs the PostgreSQL server bin/test starts"))
struct PostgresCommandTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    let port = TestPostgres.port ?? 0

    init() throws {
        folder = try TemporaryDirectory()
        var deploycat = try DeployCatProcess(workingDirectory: folder.url)
        deploycat.environment["DEPLOYCAT_DB"] = nil
        self.deploycat = deploycat
    }

    /// A new database the role `secret` owns, as a URL with its password.
    func secretDatabase() throws -> (url: String, shown: String) {
        let name = try TestPostgres.createDatabase(prefix: "secret", owner: "secret")
        return ("postgres://secret:s3cret@127.0.0.1:\(port)/\(name)?sslmode=disable",
                "postgres://secret@127.0.0.1:\(port)/\(name)")
    }

    @Test func noOutputShowsThePassword() throws {
        let (url, shown) = try secretDatabase()
        let examples = PackagePaths.root.appendingPathComponent("examples").path
        var outputs: [DeployCatProcess.Result] = []
        let first = try deploycat.run("quickstart", "--examples", examples, "--db", url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("catalog \(shown): revision 1, created from the embedded default catalog\n"))
        #expect(first.stdout.contains(" --db 'postgres://secret:***@127.0.0.1:\(port)/"))
        let second = try deploycat.run("quickstart", "--examples", examples, "--db", url)
        #expect(second.stdout.hasPrefix("catalog \(shown): revision 1\n"))
        outputs += [first, second]
        let change = try deploycat.run("catalog", "apply", "-f", PackagePaths.fixture("catalog-update.yaml"), "--force",
                                       "--db", url)
        #expect(change.status == 0, "\(change.stderr)")
        outputs.append(change)
        outputs.append(try deploycat.run("db", "copy", "--db", url, "--to", "copy.sqlite"))
        let (target, _) = try secretDatabase()
        let up = try deploycat.run("db", "copy", "--db", "copy.sqlite", "--to", target)
        #expect(up.status == 0, "\(up.stderr)")
        outputs.append(up)
        outputs.append(try deploycat.run("db", "copy", "--db", "copy.sqlite", "--to", target))
        outputs.append(try deploycat.run("apps", "list", "--db", url.replacingOccurrences(of: "s3cret", with: "wrong")))
        outputs.append(try deploycat.run("apps", "list", "--db", url + "&bogus=1"))
        var withEnvironment = deploycat
        withEnvironment.environment["DEPLOYCAT_DB"] = url
        let fromEnvironment = try withEnvironment.run("quickstart", "--examples", examples)
        #expect(fromEnvironment.status == 0 && !fromEnvironment.stdout.contains("--db"))
        outputs.append(fromEnvironment)
        for output in outputs {
            #expect(!output.stdout.contains("s3cret") && !output.stderr.contains("s3cret"), "\(output.stdout)\(output.stderr)")
        }
        #expect(outputs.filter { $0.status == 69 }.count == 1)
    }
}
