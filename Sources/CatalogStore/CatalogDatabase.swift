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
        try requireFileOrPostgres(location)
        if !creating {
            // Both checks follow a symbolic link to the file it names.
            guard FileManager.default.fileExists(atPath: location) else {
                throw StoreError.cannotOpen(path: location, reason: "it does not exist; name an existing catalog with --db")
            }
            // SQLite takes an empty file for a new database, which opening would then write.
            let file = URL(fileURLWithPath: location).resolvingSymlinksInPath().path
            if let attributes = try? FileManager.default.attributesOfItem(atPath: file),
               attributes[.type] as? FileAttributeType == .typeRegular, attributes[.size] as? Int == 0 {
                throw StoreError.cannotOpen(path: location, reason: "it is an empty file, not a catalog; name an existing catalog with --db")
            }
        }
        return try SQLiteCatalog.open(path: location)
    }

    /// Copies `dump` into a new database at `location` and hands the rows read back to `check`:
    /// a file that must not exist yet, or a PostgreSQL database that must hold no tables. When
    /// loading or `check` fails, nothing is left behind (the file is removed; the database's
    /// transaction rolls back). Returns the new database's name as messages show it.
    public static func create(_ location: String, loading dump: CatalogDump,
                              check: (CatalogDump) throws -> Void) throws -> String {
        if PostgresLocation.isURL(location) { return try PostgresCatalog.create(url: location, loading: dump, check: check) }
        try requireFileOrPostgres(location)
        return try SQLiteCatalog.create(path: location, loading: dump, check: check)
    }

    /// `location` as messages name it: a URL without its password.
    public static func displayName(_ location: String) -> String {
        PostgresLocation.isURL(location) ? PostgresLocation.redacted(location) : location
    }

    /// A URL of another kind (a typo such as `postgress://`, or `mysql://`) is not taken for a
    /// file name.
    private static func requireFileOrPostgres(_ location: String) throws {
        if let scheme = location.firstRange(of: "://").map({ location[..<$0.lowerBound] }),
           !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) {
            throw StoreError.cannotOpen(path: displayName(location), reason: "\(scheme):// is not a database deploycat "
                + "knows; name an SQLite file, or a PostgreSQL database as postgres://USER@HOST:PORT/DBNAME")
        }
    }
}
