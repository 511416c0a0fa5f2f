import CatalogStore
import CatalogTestSupport
import Testing

/// The engines the repository tests run on: each protocol-level test runs once per engine,
/// SQLite always and PostgreSQL when the server `bin/test` starts is there.
enum Engine: String, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var available: [Engine] { TestPostgres.url == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// A new catalog holding the default catalog (revision 1), in memory or in a new database.
    func newCatalog() throws -> SQLCatalogRepository {
        switch self {
        case .sqlite: try SQLiteCatalog.inMemory()
        case .postgres: try PostgresCatalog.open(url: TestPostgres.createDatabaseURL(prefix: "store"))
        }
    }

    var testDescription: String { rawValue }
}
