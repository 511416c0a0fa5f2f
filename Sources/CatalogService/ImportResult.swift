import CatalogModel

/// What an import or apply did: the catalog changes, and what the file held that was passed over.
public struct ImportResult: Sendable {
    public var update: CatalogUpdate
    /// Lines that explain entries the command read but did not keep.
    public var notes: [String]
    /// The apps' latest templates built from a changed entry: `deploycat synth` stores new
    /// versions of those whose text changes.
    public var affectedTemplates: [(app: String, region: String)]

    public init(update: CatalogUpdate, notes: [String] = [], affectedTemplates: [(app: String, region: String)] = []) {
        self.update = update
        self.notes = notes
        self.affectedTemplates = affectedTemplates
    }
}
