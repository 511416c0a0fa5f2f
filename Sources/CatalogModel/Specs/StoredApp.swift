/// An app as the catalog keeps it: its spec and where it came from.
public struct StoredApp: Hashable, Sendable {
    public var spec: AppSpec
    /// Counts the spec's changes, from 1.
    public var specRevision: Int
    /// The file the spec was last applied from.
    public var source: String
    public var updatedAt: String
    /// When `apps delete` removed it; its template versions stay readable.
    public var deletedAt: String?

    public init(spec: AppSpec, specRevision: Int, source: String, updatedAt: String, deletedAt: String? = nil) {
        self.spec = spec
        self.specRevision = specRevision
        self.source = source
        self.updatedAt = updatedAt
        self.deletedAt = deletedAt
    }

    public var name: String { spec.name }
}
