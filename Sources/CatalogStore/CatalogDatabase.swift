import Foundation

/// Opens or creates the catalog database a `--db` value (or a copy's target) names: the one
/// place where that value chooses the storage engine.
public enum CatalogDatabase {
    /// The catalog at `location`; when missing, created with the default catalog, unless
    /// `creating` is off (a command that must read an existing catalog).
    public static func open(_ location: String, creating: Bool = true) throws -> any CatalogRepository {
        try requireFile(location)
        if !creating && !FileManager.default.fileExists(atPath: location) {
            throw StoreError.cannotOpen(path: location, reason: "it does not exist; name an existing catalog with --db")
        }
        return try SQLiteCatalog.open(path: location)
    }

    /// A new database at `location`, with the schema and nothing else: where a copy goes.
    public static func create(_ location: String) throws -> any CatalogRepository {
        try requireFile(location)
        return try SQLiteCatalog.create(path: location)
    }

    /// Removes the database `create` made at `location` (the file and its -wal and -shm files).
    public static func remove(_ location: String) {
        SQLiteCatalog.remove(path: location)
    }

    /// A server URL is never taken for a file name (which would create a file named after it).
    private static func requireFile(_ location: String) throws {
        if isServerURL(location) {
            throw StoreError.cannotOpen(path: location, reason: "it is a PostgreSQL URL, and this deploycat keeps "
                + "catalogs in SQLite files only; name a file such as deploycat.sqlite")
        }
    }

    /// `postgres://...` and `postgresql://...`, which name a server rather than a file.
    static func isServerURL(_ location: String) -> Bool {
        ["postgres://", "postgresql://"].contains { location.lowercased().hasPrefix($0) }
    }
}
