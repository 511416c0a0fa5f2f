/// Where the catalog database lives: `--db PATH`, else `$DEPLOYCAT_DB`, else `./deploycat.sqlite`.
public enum DatabaseLocation {
    public static let environmentVariable = "DEPLOYCAT_DB"
    public static let defaultPath = "deploycat.sqlite"

    public static func path(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let value = environment[environmentVariable], !value.isEmpty { return value }
        return defaultPath
    }
}
