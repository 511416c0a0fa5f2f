internal import CatalogStore

/// The services of one catalog database, opened once per command.
public struct Workspace: Sendable {
    public let catalog: ModelCatalogService
    public let apps: AppService
    public let database: DatabaseService

    public static func open(path: String) throws -> Workspace {
        let store = try CatalogDatabase.open(path)
        return Workspace(catalog: ModelCatalogService(repository: store), apps: AppService(repository: store),
                         database: DatabaseService(repository: store))
    }
}
