internal import CatalogStore

/// The services of one catalog database, opened once per command.
public struct Workspace: Sendable {
    public let catalog: ModelCatalogService
    public let apps: AppService
    public let database: DatabaseService

    /// - Parameter creating: whether a missing database is created (with the default catalog).
    public static func open(path: String, creating: Bool = true) throws -> Workspace {
        let store = try CatalogDatabase.open(path, creating: creating)
        return Workspace(catalog: ModelCatalogService(repository: store), apps: AppService(repository: store),
                         database: DatabaseService(repository: store))
    }
}
