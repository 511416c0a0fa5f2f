/// One line of the catalog change log, such as `profile us.x destinations from us-west-1 +us-west-1`.
public struct CatalogChange: Codable, Hashable, Sendable, CustomStringConvertible {
    /// What changed: `region us-east-1`, `model anthropic.x`, `profile us.x`, `geography eu`.
    public var subject: String
    /// How it changed: `added`, `lifecycle ACTIVE -> LEGACY`, `regions +us-west-1 -eu-west-3`.
    public var summary: String

    public init(subject: String, summary: String) {
        self.subject = subject
        self.summary = summary
    }

    public var description: String { "\(subject) \(summary)" }
}
