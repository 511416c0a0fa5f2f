import Foundation
internal import GRDB
internal import GRDBSQLite

/// Opens the file's one write connection on first use, so commands that only read, or that
/// reject their input before writing, never open it.
///
/// The connection is a `DatabaseQueue` that turns WAL mode on itself rather than GRDB's
/// `DatabasePool`: opening a pool on a file whose write-ahead log is empty commits a table
/// created and dropped (to make the log non-empty for the pool's readers), which changes the
/// file even when the command then writes nothing, such as a `cost import` whose rows are
/// refused inside its transaction. deploycat reads through a connection of its own and needs
/// no pool; `PRAGMA journal_mode = WAL` on a file already in WAL mode writes nothing.
///
/// The log is checkpointed when SQLite would (1,000 pages), but after the commit rather than
/// inside it (see `Checkpointer`).
final class LazyDatabaseWriter: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var writer: DatabaseQueue?
    private let checkpointer = Checkpointer()

    init(path: String) {
        self.path = path
    }

    func get() throws -> DatabaseQueue {
        lock.lock()
        defer { lock.unlock() }
        if let writer { return writer }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(SQLiteCatalog.busyTimeout)
        configuration.prepareDatabase { [path] db in
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                throw StoreError.failed(path: path, reason: "SQLite could not put it in WAL mode")
            }
            // As a pool would: after a power cut the last commits may be lost, never consistency.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let opened = try DatabaseQueue(path: path, configuration: configuration)
        opened.writeWithoutTransaction { db in checkpointer.watch(db, of: opened) }
        writer = opened
        return opened
    }

    /// Waits for a checkpoint still queued (the process may end right after), and gives the
    /// connection SQLite's automatic checkpoint back in place of the log hook, whose checkpointer
    /// goes with this object: whoever still holds the connection keeps a checkpointed log.
    deinit {
        writer?.writeWithoutTransaction { db in
            // A connection closed by its holder has no hook left to replace.
            if let connection = db.sqliteConnection { sqlite3_wal_autocheckpoint(connection, Checkpointer.pages) }
        }
    }

    /// Runs the checkpoint that SQLite's automatic checkpointing would run inside a commit (once
    /// the log holds 1,000 pages) on the connection's queue just after it: the command's thread
    /// goes on (printing its report) while the log is synced and copied into the file, and the
    /// connection's next use, or its closing, waits for it. A rebuild of 10,000 apps commits a
    /// log of 150 MB; syncing and copying it is a sixth of its time.
    private final class Checkpointer: @unchecked Sendable {
        /// Pages in the log when SQLite's automatic checkpoint runs (its default).
        static let pages: CInt = 1_000
        private weak var queue: DatabaseQueue?

        /// Takes the place of SQLite's automatic checkpoint on `db`, the connection of `queue`.
        func watch(_ db: Database, of queue: DatabaseQueue) {
            self.queue = queue
            // The log hook replaces the automatic checkpoint, which is SQLite's own such hook.
            sqlite3_wal_hook(db.sqliteConnection, { context, _, _, pages in
                if let context, pages >= Checkpointer.pages {
                    Unmanaged<Checkpointer>.fromOpaque(context).takeUnretainedValue().committed()
                }
                return SQLITE_OK
            }, Unmanaged.passUnretained(self).toOpaque())
        }

        /// Called inside a commit (on the connection's queue): queues the checkpoint after it. A
        /// passive checkpoint, like the automatic one: it copies what no reader still needs and
        /// never waits for another connection; a failed one leaves the log to the next.
        private func committed() {
            queue?.asyncWriteWithoutTransaction { db in _ = try? db.checkpoint(.passive) }
        }
    }
}
