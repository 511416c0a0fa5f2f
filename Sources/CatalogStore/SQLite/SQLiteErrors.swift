internal import GRDB

/// Runs `body`, restating SQLite failures as `StoreError`s that name the file.
func translatingDatabaseErrors<T>(path: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as DatabaseError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: throw StoreError.notADatabase(path: path)
        case .SQLITE_READONLY: throw StoreError.readOnly(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: throw StoreError.busy(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        default: throw StoreError.failed(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
