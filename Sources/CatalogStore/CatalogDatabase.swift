import Foundation

/// Opens or creates the catalog database a `--db` value (or a copy's target) names: the one
/// place where that value chooses the storage engine. `postgres://` and `postgresql://` URLs
/// name a PostgreSQL database; anything else is an SQLite file.
public enum CatalogDatabase {
    /// The catalog at `location`; when missing (an SQLite file that does not exist, a
    /// PostgreSQL database without tables), created with the default catalog, unless `creating`
    /// is off (a command that must read an existing catalog).
    public static func open(_ location: String, creating: Bool = true) throws -> any CatalogRepository {
        if PostgresLocation.isURL(location) { return try PostgresCatalog.open(url: location, creating: creating) }
        if !creating && !FileManager.default.fileExists(atPath: location) {
            throw StoreError.cannotOpen(path: location, reason: "it does not exist; name an existing catalog with --db")
        }
        return try SQLiteCatalog.open(path: location)
    }

    /// A new database at `location`, with the schema and nothing else: where a copy goes. A
    /// file must not exist yet; a PostgreSQL database must exist and hold no tables.
    public static func create(_ location: String) throws -> any CatalogRepository {
        if PostgresLocation.isURL(location) { return try PostgresCatalog.create(url: location) }
        return try SQLiteCatalog.create(path: location)
    }

    /// Removes what `create` made at `location`: the file (and its -wal and -shm files), or the
    /// tables in the PostgreSQL database.
    public static func remove(_ location: String) {
        if PostgresLocation.isURL(location) { return PostgresCatalog.remove(url: location) }
        SQLiteCatalog.remove(path: location)
    }

    /// `location` as messages name it: a URL without its password.
    public static func displayName(_ location: String) -> String {
        PostgresLocation.isURL(location) ? PostgresLocation.redacted(location) : location
    }
}
