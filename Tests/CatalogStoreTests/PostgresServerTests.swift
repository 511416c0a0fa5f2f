@testable import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// Connecting to a real server: each way a connection fails is one `DatabaseUnavailable` naming
/// the cause; passwords and TLS work as libpq's do; a database that is not a catalog, or one a
/// newer deploycat wrote, is refused and left as it was. Runs against the throwaway server
/// `bin/test` starts, which listens on a loopback port too (`TestPostgres.port`).
@Suite(.enabled(if: TestPostgres.port != nil, "needs the PostgreSQL server bin/test starts"))
struct PostgresServerTests {
    let port = TestPostgres.port ?? 0

    /// Why connecting to `url` fails.
    func cause(_ url: String, environment: [String: String] = [:]) throws -> String {
        do {
            _ = try PostgresEngine.connect(try PostgresLocation(url, environment: environment))
            return "connected"
        } catch let error as DatabaseUnavailable {
            return error.cause
        }
    }

    @Test func eachConnectionFailureNamesItsCause() throws {
        let database = try TestPostgres.createDatabase(prefix: "conn", owner: "secret")
        let server = "127.0.0.1:\(port)/\(database)"
        #expect(try cause("postgres://secret:wrong@\(server)?sslmode=disable")
            == "authentication failed (check the password in the URL, PGPASSWORD or the password file)")
        #expect(try cause("postgres://secret@\(server)?sslmode=disable", environment: ["PGPASSFILE": "/nonexistent"])
            == "the server asks for a password and none was given (put it in the URL, PGPASSWORD or ~/.pgpass)")
        #expect(try cause("postgres://tlsonly@\(server)?sslmode=disable").hasPrefix(
            "the server requires TLS; set sslmode=require (or verify-full) in the URL"))
        #expect(try cause("postgres://tlsonly@\(server)?sslmode=verify-full").hasPrefix(
            "the server's TLS certificate is not signed by a trusted authority"))
        #expect(try cause("postgres://secret:s3cret@127.0.0.1:\(port)/nosuchdb?sslmode=disable")
            == "the database nosuchdb does not exist; create it (createdb nosuchdb) or name another in the URL")
        #expect(try cause("postgres://secret:s3cret@127.0.0.1:1/x")
            == "connection refused; is PostgreSQL running and listening there?")
    }

    @Test func thePasswordComesFromTheURLThenPGPASSWORDThenThePasswordFile() throws {
        let database = try TestPostgres.createDatabase(prefix: "pass", owner: "secret")
        let url = "postgres://secret@127.0.0.1:\(port)/\(database)?sslmode=disable"
        #expect(try cause("postgres://secret:s3cret@127.0.0.1:\(port)/\(database)?sslmode=disable") == "connected")
        #expect(try cause(url, environment: ["PGPASSWORD": "s3cret"]) == "connected")
        let folder = try TemporaryDirectory()
        try "127.0.0.1:\(port):*:secret:s3cret\n".write(toFile: folder.path("pgpass"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.path("pgpass"))
        #expect(try cause(url, environment: ["PGPASSFILE": folder.path("pgpass")]) == "connected")
    }

    @Test func aFileThatIsNotACertificateIsNamed() throws {
        let folder = try TemporaryDirectory()
        try "not a certificate\n".write(toFile: folder.path("ca.pem"), atomically: true, encoding: .utf8)
        let url = "postgres://tlsonly@127.0.0.1:\(port)/x?sslmode=verify-full&sslrootcert=\(folder.path("ca.pem"))"
        #expect(throws: StoreError.cannotOpen(path: "postgres://tlsonly@127.0.0.1:\(port)/x", reason: "sslrootcert "
            + "\(folder.path("ca.pem")) holds no PEM certificate; name a PEM file of the certificate authorities to trust")) {
            try PostgresEngine.connect(try PostgresLocation(url, environment: [:]))
        }
    }

    @Test func requireEncryptsTheConnection() throws {
        let database = try TestPostgres.createDatabase(prefix: "tls", owner: "tlsonly")
        for mode in ["require", "prefer"] {
            let engine = try PostgresEngine.connect(try PostgresLocation(
                "postgres://tlsonly@127.0.0.1:\(port)/\(database)?sslmode=\(mode)", environment: [:]))
            let encrypted = try engine.read { db in
                try db.rows("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first?.optionalBool("ssl")
            }
            #expect(encrypted == true, "sslmode=\(mode)")
        }
    }

    @Test func aDatabaseWithOtherTablesIsNotTakenForACatalog() throws {
        let database = try TestPostgres.createDatabase(prefix: "other")
        try TestPostgres.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)", in: database)
        let url = TestPostgres.databaseURL(database)
        let before = try TestPostgres.dump(url)
        #expect(throws: StoreError.notACatalogDatabase(path: url, tables: ["invoices"])) {
            try PostgresCatalog.open(url: url)
        }
        #expect(try TestPostgres.dump(url) == before)
    }

    @Test func aNewerSchemaIsRefusedAndLeftAlone() throws {
        let url = try TestPostgres.createDatabaseURL(prefix: "newer")
        _ = try PostgresCatalog.open(url: url)
        let database = TestPostgres.databaseName(of: url)
        try TestPostgres.execute("INSERT INTO deploycatMigration VALUES ('9999_from_the_future', 'now')", in: database)
        let before = try TestPostgres.dump(url)
        #expect(throws: StoreError.newerSchema(path: url, unknownMigrations: ["9999_from_the_future"])) {
            try PostgresCatalog.open(url: url)
        }
        #expect(try TestPostgres.dump(url) == before)
    }

    /// Two deploycats starting at once against an empty database create the schema and load the
    /// default catalog once.
    @Test func firstCommandsRacingCreateTheCatalogOnce() async throws {
        let url = try TestPostgres.createDatabaseURL(prefix: "race")
        let revisions = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 { group.addTask { try PostgresCatalog.open(url: url).revision() } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(revisions == [1, 1, 1, 1])
        #expect(try PostgresCatalog.open(url: url).changeLog().allSatisfy { $0.revision == 1 })
    }
}
