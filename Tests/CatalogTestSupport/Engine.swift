import CatalogStore
import Testing

/// The engines the repository and service tests run on: each such test runs once per engine,
/// SQLite always and PostgreSQL when the server `bin/test` starts is there.
public enum Engine: String, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    public static var available: [Engine] { TestPostgres.url == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// A new catalog holding the default catalog (revision 1), in memory or in a new database.
    public func newCatalog() throws -> SQLCatalogRepository {
        switch self {
        case .sqlite: try SQLiteCatalog.inMemory()
        case .postgres: try PostgresCatalog.open(url: TestPostgres.createDatabaseURL(prefix: "store"))
        }
    }

    public var testDescription: String { rawValue }
}
