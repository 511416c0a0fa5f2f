/// Opens the catalog database a `--db` value names: the one place where the value chooses the
/// storage engine.
public enum CatalogDatabase {
    public static func open(_ location: String) throws -> any CatalogRepository {
        if isServerURL(location) {
            throw StoreError.cannotOpen(path: location, reason: "it is a PostgreSQL URL, and this deploycat keeps "
                + "catalogs in SQLite files only; name a file such as deploycat.sqlite")
        }
        return try SQLiteRepository.open(path: location)
    }

    /// `postgres://...` and `postgresql://...`, which name a server rather than a file.
    static func isServerURL(_ location: String) -> Bool {
        ["postgres://", "postgresql://"].contains { location.lowercased().hasPrefix($0) }
    }
}
