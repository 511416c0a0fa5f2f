import Foundation

extension SQLCatalogRepository {
    /// Copies the catalog into the new SQLite file `path` while others go on writing, after
    /// `check` has examined the copy (see `SQLiteCatalog.backup`). A PostgreSQL catalog is backed
    /// up by the server's own tools: `StoreError.backupByServer` says which.
    public func backup(to path: String, check: (any CatalogRepository) throws -> Void) throws {
        guard let engine = engine as? SQLiteEngine else {
            throw StoreError.backupByServer(path: location, target: path)
        }
        try SQLiteCatalog.backup(engine, to: path) { try check($0) }
    }

    /// What is wrong with the database's own structure: pages, indexes and references between
    /// rows. SQLite checks its file; PostgreSQL keeps its own pages and enforces every foreign
    /// key as rows are written, so there is nothing for deploycat to add.
    public func integrityProblems() throws -> [String] {
        guard let engine = engine as? SQLiteEngine else { return [] }
        return try SQLiteCatalog.integrityProblems(engine)
    }
}
