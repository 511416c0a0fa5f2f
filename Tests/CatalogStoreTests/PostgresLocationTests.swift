@testable import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// PostgreSQL URLs are read as libpq reads them, and passwords found where libpq finds them.
@Suite struct PostgresLocationTests {
    let environment = ["USER": "ana"]

    @Test func aFullURLGivesEveryPart() throws {
        let ca = PackagePaths.root.appendingPathComponent("Package.swift").path  // any readable file
        let location = try PostgresLocation("postgresql://team:p%40ss@db.example.com:6432/catalog?sslmode=verify-full"
            + "&sslrootcert=\(ca)&connect_timeout=3", environment: environment)
        #expect(location == PostgresLocation(user: "team", password: "p@ss", host: "db.example.com", port: 6432,
                                             database: "catalog", tls: .verifyFull, rootCertificate: ca, connectTimeout: 3))
        #expect(location.description == "postgres://team@db.example.com:6432/catalog")
    }

    @Test func missingPartsTakeLibpqsDefaults() throws {
        let bare = try PostgresLocation("postgres://", environment: environment)
        #expect(bare == PostgresLocation(user: "ana", password: nil, host: "localhost", port: 5432, database: "ana",
                                         tls: .prefer, rootCertificate: nil))
        let fromEnvironment = try PostgresLocation("postgres:///shared", environment: [
            "PGUSER": "ci", "PGHOST": "pg.internal", "PGPORT": "5433", "PGPASSWORD": "pw", "PGSSLMODE": "require",
        ])
        #expect(fromEnvironment == PostgresLocation(user: "ci", password: "pw", host: "pg.internal", port: 5433,
                                                    database: "shared", tls: .require, rootCertificate: nil))
    }

    @Test func aHostParameterThatIsAFolderIsASocket() throws {
        let location = try PostgresLocation("postgres://ci@/catalog?host=/run/postgresql&port=5433", environment: environment)
        #expect(location.isUnixSocket && location.socketPath == "/run/postgresql/.s.PGSQL.5433")
        #expect(location.description == "postgres://ci@/catalog?host=/run/postgresql&port=5433")
        #expect(try PostgresLocation("postgres://ci@[::1]:5432/c", environment: environment).description
            == "postgres://ci@[::1]:5432/c")
    }

    @Test(arguments: [
        ("postgres://h/c?sslmode=allow", "sslmode allow is not one of disable, prefer, require, verify-ca, verify-full"),
        ("postgres://h:0/c", "the port 0 is not a number from 1 to 65535"),
        ("postgres://h/c?timeout=5", "the parameter timeout is not known; use connect_timeout, dbname, host, password, port, "
            + "sslmode, sslrootcert, user"),
        ("postgres://h/c?connect_timeout=0", "connect_timeout 0 is not a whole number of seconds"),
        ("postgres://h/c?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem",
         "sslrootcert /nonexistent/ca.pem cannot be read; name a PEM file of the certificate authorities to trust"),
        ("postgres://h/c?sslmode", "the parameter sslmode has no value"),
    ])
    func aBadURLSaysWhatIsAllowed(url: String, reason: String) {
        #expect(throws: StoreError.cannotOpen(path: url, reason: reason)) {
            try PostgresLocation(url, environment: environment)
        }
    }

    @Test func messagesNeverShowAPassword() {
        #expect(PostgresLocation.redacted("postgres://team:secret@h/c?password=other&sslmode=x")
            == "postgres://team:***@h/c?password=***&sslmode=x")
        #expect(CatalogDatabase.displayName("postgres://team:secret@h/c") == "postgres://team:***@h/c")
    }

    @Test func thePasswordFileIsReadAsLibpqReadsIt() throws {
        let folder = try TemporaryDirectory()
        let file = folder.path("pgpass")
        try """
            # comments and lines of the wrong shape are skipped
            db.example.com:5432:other:team:not-this-one
            db.example.com:*:catalog:team:pa\\:ss
            *:*:*:*:fallback
            """.write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        func password(_ url: String) throws -> String? {
            try PostgresLocation(url, environment: ["PGPASSFILE": file, "USER": "ana"]).password
        }
        #expect(try password("postgres://team@db.example.com:6432/catalog") == "pa:ss")
        #expect(try password("postgres://other@elsewhere/x") == "fallback")
        #expect(try password("postgres://team:inline@db.example.com/catalog") == "inline")
        // A file others may read is ignored, as libpq ignores it, and the message will say so.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        let skipped = try PostgresLocation("postgres://team@db.example.com:6432/catalog", environment: ["PGPASSFILE": file])
        #expect(skipped.password == nil)
        #expect(skipped.passwordFileNote == "the password file \(file) was skipped because others may read it; chmod 600 \(file)")
    }

    @Test func thePasswordFileIsFoundInHome() throws {
        let home = try TemporaryDirectory()
        try "*:*:*:*:from-home\n".write(toFile: home.path(".pgpass"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: home.path(".pgpass"))
        #expect(try PostgresLocation("postgres://team@h/c", environment: ["HOME": home.url.path]).password == "from-home")
    }
}
