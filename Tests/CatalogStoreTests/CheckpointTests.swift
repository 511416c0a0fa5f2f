@testable import CatalogStore
import CatalogTestSupport
import Foundation
import GRDB
import Testing

/// A commit that leaves SQLite's write-ahead log past its automatic checkpoint size (1,000
/// pages) is copied into the file after the commit rather than inside it, and before the
/// catalog is closed: a process that ends right after leaves everything in the file.
@Suite struct CheckpointTests {
    /// `rows` rows of 4 KB each, in one transaction.
    func writeFiller(rows: Int, into catalog: SQLCatalogRepository) throws {
        try catalog.engine.write { db in
            try db.execute("CREATE TABLE IF NOT EXISTS filler (text TEXT NOT NULL)")
            for _ in 0..<rows { try db.execute("INSERT INTO filler (text) VALUES (?)", .text(String(repeating: "x", count: 4_000))) }
        }
    }

    @Test func aLargeCommitIsInTheFileOnceTheCatalogIsClosed() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("catalog.sqlite")
        do {
            let catalog = try SQLiteCatalog.open(path: path)
            try writeFiller(rows: 2_000, into: catalog)
            // Readers see the commit at once, checkpointed or not.
            #expect(try catalog.engine.read { db in try db.rows("SELECT COUNT(*) AS n FROM filler").first?.int("n") } == 2_000)
        }
        // Closed: the log was copied into the file and removed.
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(try fileSize(path) > 8_000_000)
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM filler") } == 2_000)
        #expect(try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }

    /// The checkpoint runs while the catalog is open: a write queued after the large commit
    /// starts once the log has been copied into the file.
    @Test func aLargeCommitIsCopiedIntoTheFileBeforeTheNextWrite() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("catalog.sqlite")
        let catalog = try SQLiteCatalog.open(path: path)
        let before = try fileSize(path)
        try writeFiller(rows: 2_000, into: catalog)
        try catalog.engine.write { _ in }
        #expect(try fileSize(path) > before + 8_000_000)
    }

    /// A connection kept after the object that opened it is gone (the hook's checkpointer goes
    /// with it) has SQLite's own automatic checkpoint back: a large commit is copied into the
    /// file inside the commit, as SQLite does.
    @Test func aConnectionOutlivingItsOpenerCheckpointsAsSQLiteDoes() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("catalog.sqlite")
        _ = try SQLiteCatalog.open(path: path)
        let queue = try LazyDatabaseWriter(path: path).get()
        let before = try fileSize(path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE filler (text TEXT NOT NULL)")
            for _ in 0..<2_000 { try db.execute(sql: "INSERT INTO filler (text) VALUES (?)", arguments: [String(repeating: "x", count: 4_000)]) }
        }
        #expect(try fileSize(path) > before + 8_000_000)
        try queue.close()
    }

    /// A small commit is left in the log, as SQLite's automatic checkpoint leaves it, until the
    /// catalog is closed.
    @Test func aSmallCommitStaysInTheLogUntilTheCatalogIsClosed() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("catalog.sqlite")
        do {
            let catalog = try SQLiteCatalog.open(path: path)
            let before = try fileSize(path)
            try writeFiller(rows: 10, into: catalog)
            // Time for a checkpoint that should not run.
            usleep(100_000)
            #expect(try fileSize(path) == before)
            #expect(try fileSize(path + "-wal") > 40_000)
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM filler") } == 10)
    }

    func fileSize(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? -1
    }
}
