import CatalogStore
import CatalogTestSupport
import Foundation
import GRDB
import Testing

@Suite struct DatabaseFileTests {
    @Test func aNewFileIsCreatedInWALModeWithForeignKeysOn() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("catalog.sqlite")
        _ = try SQLiteCatalog.open(path: path)
        let queue = try DatabaseQueue(path: path)
        let (mode, models) = try queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM foundationModel"))
        }
        #expect(mode == "wal")
        #expect(models == 176)
        // GRDB turns foreign keys on for every connection; the schema relies on it.
        #expect(throws: DatabaseError.self) {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO modelRegion (modelId, regionCode) VALUES ('nobody.model', 'us-east-1')")
            }
        }
        // Reopening an existing catalog does not load the default catalog again.
        #expect(try SQLiteCatalog.open(path: path).revision() == 1)
    }

    /// A server URL is never taken for a file name (which would create a file named after it):
    /// it names a PostgreSQL server, and one that cannot be reached is said so.
    @Test(arguments: ["postgres://team@127.0.0.1:1/catalog?sslmode=require", "POSTGRESQL://127.0.0.1:1/catalog"])
    func aPostgreSQLURLIsNamedAsSuchAndCreatesNoFile(url: String) throws {
        let folder = try TemporaryDirectory()
        #expect {
            try CatalogDatabase.open(url)
        } throws: { error in
            error is DatabaseUnavailable && "\(error)".contains("database catalog on 127.0.0.1 port 1")
                && "\(error)".hasSuffix("connection refused; is PostgreSQL running and listening there?")
        }
        // A file of that name would start with a folder named after the scheme.
        #expect(!FileManager.default.fileExists(atPath: String(url.prefix { $0 != "/" })))
        // A file path is a SQLite catalog, through the same entry point.
        #expect(try CatalogDatabase.open(folder.path("catalog.sqlite")).revision() == 1)
    }

    @Test func aNewerSchemaIsRefusedAndTheFileLeftAlone() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("catalog.sqlite")
        _ = try SQLiteCatalog.open(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('0099_add_future_table')")
        }
        try queue.close()
        let before = try DatabaseFiles.contents(path)
        #expect(throws: StoreError.newerSchema(path: path, unknownMigrations: ["0099_add_future_table"])) {
            try SQLiteCatalog.open(path: path)
        }
        #expect(try DatabaseFiles.contents(path) == before)
    }

    @Test func aCorruptFileIsRefusedAndLeftAlone() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("catalog.sqlite")
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try SQLiteCatalog.open(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func anotherSQLiteDatabaseIsNotTakenOver() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE invoice (id INTEGER PRIMARY KEY)") }
        try queue.close()
        let before = try DatabaseFiles.contents(path)
        #expect(throws: StoreError.notACatalog(path: path)) { try SQLiteCatalog.open(path: path) }
        #expect(try DatabaseFiles.contents(path) == before)
    }

    @Test func aMissingFolderIsReportedByPath() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("no/such/folder/catalog.sqlite")
        #expect {
            try SQLiteCatalog.open(path: path)
        } throws: { error in
            guard case StoreError.cannotOpen(path, _) = error else { return false }
            return "\(error)".hasPrefix("database \(path) cannot be opened")
        }
    }

    @Test func aFolderIsNotADatabase() throws {
        let folder = try TemporaryDirectory()
        #expect(throws: StoreError.cannotOpen(path: folder.url.path, reason: "it is a folder; name a file")) {
            try SQLiteCatalog.open(path: folder.url.path)
        }
    }
}
