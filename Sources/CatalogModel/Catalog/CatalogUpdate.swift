/// What one catalog-changing command did.
public struct CatalogUpdate: Hashable, Sendable {
    /// The new catalog revision, or `nil` when nothing changed (no revision is made then).
    public var revision: Int?
    public var changes: [CatalogChange]

    public init(revision: Int?, changes: [CatalogChange]) {
        self.revision = revision
        self.changes = changes
    }
}
