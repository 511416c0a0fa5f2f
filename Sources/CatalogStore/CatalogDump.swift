/// Every row of a catalog database as plain values, table by table in an order that loads
/// without breaking a reference: what `db copy` moves between databases, whatever their engines.
public struct CatalogDump: Equatable, Sendable {
    public var tables: [Table]

    public struct Table: Equatable, Sendable {
        public var name: String
        public var columns: [String]
        /// Ordered by primary key, so two dumps of equal catalogs are equal.
        public var rows: [[Value]]
    }

    /// A column's value, as every engine can store it.
    public enum Value: Equatable, Sendable, CustomStringConvertible {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)

        /// As a message shows it.
        public var description: String {
            switch self {
            case .null: "null"
            case let .integer(number): "\(number)"
            case let .real(number): "\(number)"
            case let .text(text): text
            }
        }
    }

    /// Rows per table.
    public var rowCounts: [(table: String, rows: Int)] { tables.map { ($0.name, $0.rows.count) } }

    /// The tables a catalog consists of, parents before children, each with the columns that
    /// order its rows (its primary key).
    static let layout: [(table: String, orderBy: String)] = [
        ("region", "code"), ("geography", "prefix"), ("geographyRegion", "geographyPrefix, role, regionCode"),
        ("foundationModel", "id"), ("modelRegion", "modelId, regionCode"), ("modelPrice", "modelId"),
        ("systemProfile", "id"), ("profileRoute", "profileId, sourceRegion, destinationRegion"),
        ("sagemakerModel", "name"), ("catalogRevision", "revision"), ("catalogChange", "id"),
        ("app", "name"), ("appTag", "appName, key"), ("appSpecRevision", "appName, specRevision"),
        ("templateVersion", "id"), ("templateDependency", "templateVersionId, kind, ref"),
    ]
}
