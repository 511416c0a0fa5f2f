import CatalogStore

/// The services of one catalog database, opened once per command.
public struct Workspace: Sendable {
    public let catalog: CatalogService
    public let apps: AppService

    public static func open(path: String) throws -> Workspace {
        let store = try Catalog.open(path: path)
        return Workspace(catalog: CatalogService(catalog: store), apps: AppService(catalog: store))
    }
}
