/// Where SQLite's and PostgreSQL's SQL differ, in the one place the repository asks.
enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// Whether the engine keeps each statement it runs, prepared once per text (SQLite, through
    /// GRDB's statement cache; postgres-nio prepares each query anew).
    var keepsStatements: Bool { self == .sqlite }

    /// A subquery whose rows (column `value`) are the strings of a JSON array bound to its `?`:
    /// a whole list as one argument, whatever its length.
    var textList: String {
        switch self {
        case .sqlite: "SELECT value FROM json_each(?)"
        case .postgres: "SELECT value FROM jsonb_array_elements_text(CAST(? AS jsonb)) AS list(value)"
        }
    }

    /// As `textList`, for a JSON array of integers.
    var integerList: String {
        switch self {
        case .sqlite: "SELECT value FROM json_each(?)"
        case .postgres: "SELECT CAST(value AS BIGINT) FROM jsonb_array_elements_text(CAST(? AS jsonb)) AS list(value)"
        }
    }

    /// After a write that added many rows to `tables`: refreshes the statistics PostgreSQL plans
    /// queries from, which autovacuum would bring up to date only later (until then a large
    /// table looks empty, and a join over it can be planned as nested full scans). SQLite plans
    /// without statistics: nothing to do.
    func refreshStatistics(of tables: [String]) -> String? {
        switch self {
        case .sqlite: nil
        case .postgres: "ANALYZE " + tables.joined(separator: ", ")
        }
    }

    /// Text columns to order by, compared byte by byte as SQLite does (PostgreSQL's database
    /// collation may sort `a-b` after `ab`), so both engines print the same order.
    func byteOrder(_ columns: String...) -> String {
        switch self {
        case .sqlite: columns.joined(separator: ", ")
        case .postgres: columns.map { "\($0) COLLATE \"C\"" }.joined(separator: ", ")
        }
    }

    /// What an `INSERT` that writes an identity column's value says, to keep a copied row's id.
    var keepingIdentity: String {
        switch self {
        case .sqlite: ""
        case .postgres: " OVERRIDING SYSTEM VALUE"
        }
    }

    /// After copied rows kept their ids: moves `table`'s identity on past the largest, so new
    /// rows get new ids.
    func advanceIdentity(of table: String, column: String) -> String? {
        switch self {
        case .sqlite: nil
        case .postgres:
            "SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), MAX(\(column))) FROM \(table) HAVING COUNT(*) > 0"
        }
    }
}
