import Foundation
internal import GRDB

/// Opens the file's one write connection on first use, so commands that only read, or that
/// reject their input before writing, never open it.
///
/// The connection is a `DatabaseQueue` that turns WAL mode on itself rather than GRDB's
/// `DatabasePool`: opening a pool on a file whose write-ahead log is empty commits a table
/// created and dropped (to make the log non-empty for the pool's readers), which changes the
/// file even when the command then writes nothing, such as a `cost import` whose rows are
/// refused inside its transaction. deploycat reads through a connection of its own and needs
/// no pool; `PRAGMA journal_mode = WAL` on a file already in WAL mode writes nothing.
final class LazyDatabaseWriter: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var writer: DatabaseQueue?

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
        writer = opened
        return opened
    }
}
