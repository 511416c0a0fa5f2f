/// One row of the catalog change log: a change with the revision that made it.
public struct CatalogLogEntry: Codable, Hashable, Sendable {
    public var revision: Int
    /// When the revision was made, ISO 8601 in UTC.
    public var appliedAt: String
    /// What made the revision, such as `import-models models.json --region us-east-1`.
    public var origin: String
    public var subject: String
    public var summary: String

    public init(revision: Int, appliedAt: String, origin: String, subject: String, summary: String) {
        self.revision = revision
        self.appliedAt = appliedAt
        self.origin = origin
        self.subject = subject
        self.summary = summary
    }
}
