/// Every row of a catalog database as plain values, table by table in an order that loads
/// without breaking a reference: what `db copy` moves between databases, whatever their engines.
public struct CatalogDump: Equatable, Sendable {
    public var tables: [Table]

    public struct Table: Equatable, Sendable {
        public var name: String
        /// Column names in lower case, as both engines accept them.
        public var columns: [String]
        /// Ordered by primary key, byte by byte, so two dumps of equal catalogs are equal.
        public var rows: [[Value]]

        /// The column's value in `row`.
        public func value(_ column: String, in row: [Value]) -> Value {
            columns.firstIndex(of: column.lowercased()).map { row[$0] } ?? .null
        }
    }

    public typealias Value = SQLValue

    /// Rows per table.
    public var rowCounts: [(table: String, rows: Int)] { tables.map { ($0.name, $0.rows.count) } }

    /// The tables a catalog consists of, parents before children, each with its primary key
    /// (which orders its rows) and its identity column, if any.
    static let layout: [(table: String, key: [String], identity: String?)] = [
        ("region", ["code"], nil), ("geography", ["prefix"], nil),
        ("geographyRegion", ["geographyPrefix", "role", "regionCode"], nil),
        ("foundationModel", ["id"], nil), ("modelRegion", ["modelId", "regionCode"], nil), ("modelPrice", ["modelId"], nil),
        ("systemProfile", ["id"], nil), ("profileRoute", ["profileId", "sourceRegion", "destinationRegion"], nil),
        ("sagemakerModel", ["name"], nil), ("tagDefault", ["team", "key"], nil), ("tagPolicyKey", ["policyKey"], nil),
        ("catalogRevision", ["revision"], nil), ("catalogChange", ["id"], "id"),
        ("app", ["name"], nil), ("appTag", ["appName", "key"], nil), ("appSpecRevision", ["appName", "specRevision"], nil),
        ("appRegion", ["appName", "region"], nil),
        ("templateBody", ["sha256"], nil), ("templateVersion", ["id"], "id"), ("templateDependency", ["templateVersionId", "kind", "ref"], nil),
        ("billingLineItem", ["id"], "id"), ("billingResource", ["resourceId"], nil),
    ]

    /// The JSON columns (jsonb in PostgreSQL, which keeps neither key order nor spacing), and
    /// how their text is written by deploycat, so both engines' dumps show the same bytes.
    static let jsonColumns: [String: JSONColumnKind] = [
        "foundationmodel.inputmodalities": .strings, "foundationmodel.outputmodalities": .strings,
        "foundationmodel.inferencetypes": .strings, "app.spec": .appSpec, "appspecrevision.spec": .appSpec,
        "tagpolicykey.allowedvalues": .strings, "tagpolicykey.enforcedfor": .strings, "templateversion.tags": .stringMap,
    ]

    enum JSONColumnKind { case strings, stringMap, appSpec }
}

extension SQLValue: Comparable {
    /// Nulls first, then numbers by value, then text byte by byte (as SQLite's BINARY collation).
    public static func < (lhs: SQLValue, rhs: SQLValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): false
        case (.null, _): true
        case (_, .null): false
        case let (.text(a), .text(b)): Array(a.utf8).lexicographicallyPrecedes(b.utf8)
        case (.text, _): false
        case (_, .text): true
        case let (.integer(a), .integer(b)): a < b
        default: (number(lhs) ?? 0) < (number(rhs) ?? 0)
        }
    }

    private static func number(_ value: SQLValue) -> Double? {
        switch value {
        case let .integer(number): Double(number)
        case let .real(number): number
        default: nil
        }
    }
}
