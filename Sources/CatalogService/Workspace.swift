internal import CatalogStore

/// The services of one catalog database, opened once per command.
public struct Workspace: Sendable {
    public let catalog: ModelCatalogService
    public let apps: AppService
    public let database: DatabaseService
    /// The database as messages name it (a URL without its password).
    public let location: String
    /// Whether opening it created the catalog (loaded the embedded default catalog).
    public let createdCatalog: Bool

    /// - Parameter creating: whether a missing database is created (with the default catalog).
    public static func open(location: String, creating: Bool = true) throws -> Workspace {
        let store = try CatalogDatabase.open(location, creating: creating)
        return Workspace(catalog: ModelCatalogService(repository: store), apps: AppService(repository: store),
                         database: DatabaseService(repository: store), location: store.location,
                         createdCatalog: store.createdCatalog)
    }
}
