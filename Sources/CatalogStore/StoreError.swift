/// Why a catalog database cannot be opened or written, in words that name it (`path` is a file
/// path or a PostgreSQL URL without its password).
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case newerSchema(path: String, unknownMigrations: [String])
    case notACatalog(path: String)
    /// A PostgreSQL database whose tables are some other program's.
    case notACatalogDatabase(path: String, tables: [String])
    case notADatabase(path: String)
    case readOnly(path: String)
    case busy(path: String)
    case cannotOpen(path: String, reason: String)
    /// A new database (a copy's target) cannot be made there.
    case cannotCreate(path: String, reason: String)
    case failed(path: String, reason: String)
    /// A backup asked of a PostgreSQL catalog, which the server's tools make.
    case backupByServer(path: String, target: String)
    /// The catalog got a new revision after what was being written was checked against it.
    case catalogChanged(path: String, checkedAt: Int, now: Int)

    public var description: String {
        switch self {
        case let .newerSchema(path, unknown):
            return "database \(path) was written by a newer deploycat (schema steps \(unknown.joined(separator: ", ")) "
                + "are unknown to this version); upgrade deploycat to use it. The database was not changed"
        case let .catalogChanged(path, checked, now):
            return "the catalog in \(path) changed from revision \(checked) to \(now) while the specs were being "
                + "checked; nothing was stored, run the command again"
        case let .notACatalogDatabase(path, tables):
            return "database \(path) holds tables that are not a deploycat catalog's (\(PostgresCatalog.listed(tables))); "
                + "give deploycat a database of its own (createdb deploycat) and name it in the URL"
        case let .notACatalog(path):
            return "database \(path) is an SQLite file but not a deploycat catalog; name another file with --db"
        case let .notADatabase(path):
            return "database \(path) is not an SQLite database or is corrupt; restore it from a backup or name another "
                + "file with --db"
        case let .readOnly(path):
            return "database \(path) is read-only; make it writable (and its folder, which holds the -wal and -shm "
                + "files) or name another file with --db"
        case let .busy(path):
            return "database \(path) stayed locked by another process for \(Int(SQLiteCatalog.busyTimeout)) s; try again "
                + "when it has finished"
        case let .cannotOpen(path, reason):
            return "database \(path) cannot be opened: \(reason)"
        case let .cannotCreate(path, reason):
            return "cannot copy into \(path.isEmpty ? "\"\"" : path): \(reason)"
        case let .backupByServer(path, target):
            return "database \(path) is on a PostgreSQL server, which makes its own backups: the server answered "
                + "and the catalog is current. Run `pg_dump --format=custom --file=\(target) DATABASE_URL` (restore with "
                + "pg_restore into an empty database), or `deploycat db copy --to FILE.sqlite` for an SQLite copy. "
                + "Nothing was written"
        case let .failed(path, reason):
            return "database \(path): \(reason)"
        }
    }
}
