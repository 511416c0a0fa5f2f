import CatalogModel

/// What an import or apply did: the catalog changes, and what the file held that was passed over.
public struct ImportResult: Hashable, Sendable {
    public var update: CatalogUpdate
    /// Lines that explain entries the command read but did not keep.
    public var notes: [String]

    public init(update: CatalogUpdate, notes: [String] = []) {
        self.update = update
        self.notes = notes
    }
}
