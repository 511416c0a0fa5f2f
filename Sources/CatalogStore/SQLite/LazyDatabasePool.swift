import Foundation
internal import GRDB

/// Opens the file's `DatabasePool` on first use. Opening a pool writes to the file (it makes
/// sure the WAL exists), so commands that only read, or that reject their input, never open it
/// and leave the file byte-for-byte as it was.
final class LazyDatabasePool: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var pool: DatabasePool?

    init(path: String) {
        self.path = path
    }

    func get() throws -> DatabasePool {
        lock.lock()
        defer { lock.unlock() }
        if let pool { return pool }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(SQLiteCatalog.busyTimeout)
        let opened = try DatabasePool(path: path, configuration: configuration)
        pool = opened
        return opened
    }
}
