/// What one catalog-changing command did.
public struct CatalogUpdate: Hashable, Sendable {
    /// The new catalog revision, or `nil` when nothing changed (no revision is made then).
    public var revision: Int?
    public var changes: [CatalogChange]
    /// The templates rebuilt in the same transaction, when asked for (`--regenerate`).
    public var rebuild: Rebuild?

    public init(revision: Int?, changes: [CatalogChange], rebuild: Rebuild? = nil) {
        self.revision = revision
        self.changes = changes
        self.rebuild = rebuild
    }
}
