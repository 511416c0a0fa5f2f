import Foundation

/// The throwaway server `bin/test` starts: `DEPLOYCAT_TEST_POSTGRES` is a URL naming its socket
/// folder, user and maintenance database. Each test gets databases of its own; the server and
/// everything in it is removed when the tests end.
public enum TestPostgres {
    public static let url = ProcessInfo.processInfo.environment["DEPLOYCAT_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    /// The server's loopback TCP port, where the roles `secret` (password `s3cret`) and
    /// `tlsonly` (TLS connections only) log in.
    public static let port = ProcessInfo.processInfo.environment["DEPLOYCAT_TEST_POSTGRES_PORT"].flatMap(Int.init)

    /// Whether the command-line tests keep their catalogs on the server (`DEPLOYCAT_TEST_ENGINE=postgres`,
    /// as `bin/test`'s second run of them sets) rather than in SQLite files.
    public static let commandsUsePostgres = ProcessInfo.processInfo.environment["DEPLOYCAT_TEST_ENGINE"] == "postgres"

    /// A new, empty database (owned by `owner` when given); returns its name.
    public static func createDatabase(prefix: String = "test", owner: String? = nil) throws -> String {
        guard let url else { throw PsqlError(message: "no test server: DEPLOYCAT_TEST_POSTGRES is not set (bin/test sets it)") }
        let name = prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        _ = try psql(url, ["-c", "CREATE DATABASE \(name)" + (owner.map { " OWNER \($0)" } ?? "")])
        return name
    }

    /// Runs `sql` in the database `name` as the server's superuser.
    public static func execute(_ sql: String, in name: String) throws {
        _ = try psql(databaseURL(name), ["-c", sql])
    }

    /// A new, empty database's URL.
    public static func createDatabaseURL(prefix: String = "test") throws -> String {
        databaseURL(try createDatabase(prefix: prefix))
    }

    /// The name of the database a test server URL names.
    public static func databaseName(of url: String) -> String {
        String(url.split(separator: "/")[2].split(separator: "?")[0])
    }

    /// The URL of the database `name` on the test server.
    public static func databaseURL(_ name: String) -> String {
        url!.replacingOccurrences(of: "/postgres?", with: "/\(name)?")
    }

    public static func run(file: URL, in database: String) throws {
        _ = try psql(databaseURL(database), ["--single-transaction", "-f", file.path])
    }

    /// The rows of `sql`, one string per row, sorted.
    public static func query(_ sql: String, in database: String) throws -> [String] {
        try psql(databaseURL(database), ["-At", "-c", sql]).split(separator: "\n").map(String.init).sorted()
    }

    /// Every row of the database at `url` (and where each identity stands), as `pg_dump` writes
    /// it: equal before and after a command that must change nothing. pg_dump's random
    /// `\restrict` key lines are left out.
    public static func dump(_ url: String) throws -> Data {
        let result = try Script.run("pg_dump", ["--data-only", "--no-owner", url])
        guard result.status == 0 else { throw PsqlError(message: result.stderr) }
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("\\restrict ") && !$0.hasPrefix("\\unrestrict ") }
        return Data(lines.joined(separator: "\n").utf8)
    }

    private static func psql(_ url: String, _ arguments: [String]) throws -> String {
        let result = try Script.run("psql", [url, "-q", "-v", "ON_ERROR_STOP=1"] + arguments)
        guard result.status == 0 else { throw PsqlError(message: result.stderr) }
        return result.stdout
    }

    public struct PsqlError: Error, CustomStringConvertible {
        var message: String
        public var description: String { "psql: \(message)" }
    }
}
