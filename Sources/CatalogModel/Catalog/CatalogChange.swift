/// One line of the catalog change log, such as `profile us.x destinations from us-west-1 +us-west-1`.
public struct CatalogChange: Codable, Hashable, Sendable, CustomStringConvertible {
    /// What kind of entry changed: a Region, geography, model, profile or SageMaker model.
    public var kind: EntityKind
    /// The entry's key: a Region code, geography prefix, model id, profile id or SageMaker model name.
    public var key: String
    /// How it changed: `added`, `lifecycle ACTIVE -> LEGACY`, `regions +us-west-1 -eu-west-3`.
    public var summary: String

    public init(kind: EntityKind, key: String, summary: String) {
        self.kind = kind
        self.key = key
        self.summary = summary
    }

    /// `model anthropic.x`, `profile us.x`, `tag defaults of team ml`, `tag policy key costcenter`.
    public var subject: String {
        switch kind {
        case .tagDefaults: key == TagDefaults.catalogLevel ? "tag defaults" : "tag defaults of team \(key)"
        case .tagPolicy: "tag policy key \(key)"
        default: "\(kind.rawValue) \(key)"
        }
    }

    public var description: String { "\(subject) \(summary)" }
}
