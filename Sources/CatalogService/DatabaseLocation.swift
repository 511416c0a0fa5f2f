internal import CatalogStore

/// Where the catalog database lives: `--db`, else `$DEPLOYCAT_DB`, else `./deploycat.sqlite`; an
/// SQLite file path or a PostgreSQL URL.
public enum DatabaseLocation {
    public static let environmentVariable = "DEPLOYCAT_DB"
    public static let defaultPath = "deploycat.sqlite"

    public static func location(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let value = environment[environmentVariable], !value.isEmpty { return value }
        return defaultPath
    }

    /// `location` as messages show it: a URL's password as `***`.
    public static func displayName(_ location: String) -> String {
        CatalogDatabase.displayName(location)
    }
}
