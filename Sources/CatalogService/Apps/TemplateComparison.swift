import CatalogModel
import CatalogSynthesis

/// What `deploycat diff` compares and what differs: an app's template in one Region, old
/// against new, where each side is a stored version or a template file.
public struct TemplateComparison: Sendable, Encodable {
    /// Where one side came from: a stored version (with its hash), or a file.
    public struct Side: Sendable, Encodable, Equatable, CustomStringConvertible {
        public var version: Int?
        public var sha256: String?
        public var file: String?
        /// The stored version, body included (not encoded: the diff says what differs).
        public var template: TemplateVersion?

        enum CodingKeys: String, CodingKey {
            case version, sha256, file
        }

        static func stored(_ template: TemplateVersion) -> Side {
            Side(version: template.version, sha256: template.sha256, template: template)
        }

        /// `version 3`, `file deployed.yaml`.
        public var description: String {
            if let version { return "version \(version)" }
            return "file \(file ?? "")"
        }
    }

    public var app: String
    public var region: String
    public var old: Side
    public var new: Side
    public var diff: TemplateDiff

    enum CodingKeys: String, CodingKey {
        case app, region, old, new, summary, resources, sections
    }

    /// The diff's parts at the top level, beside its one-line summary.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(app, forKey: .app)
        try container.encode(region, forKey: .region)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(diff.summary, forKey: .summary)
        try container.encode(diff.resources, forKey: .resources)
        try container.encode(diff.sections, forKey: .sections)
    }
}
