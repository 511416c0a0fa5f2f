import Foundation

/// What a catalog database holds: for a file, the main file and its write-ahead log (a write
/// that has not been checkpointed changes only the `-wal` file, so "left as it was" compares
/// both); for a PostgreSQL URL, every row as `pg_dump` writes it.
public enum DatabaseFiles {
    public static func contents(_ path: String) throws -> Data {
        if path.hasPrefix("postgres") { return try TestPostgres.dump(path) }
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        if let wal = FileManager.default.contents(atPath: path + "-wal") {
            data.append(wal)
        }
        return data
    }
}
