/// One stored version of an app's template in one Region. Its JSON form (as `versions
/// --json` prints it) leaves out the body, which `template` prints on its own.
public struct TemplateVersion: Encodable, Hashable, Sendable {
    public var app: String
    public var region: String
    /// Counts from 1 per app and Region; a new version is stored only when the text changes.
    public var version: Int
    public var sha256: String
    public var body: String
    /// The catalog and spec revisions it was built from.
    public var catalogRevision: Int
    public var specRevision: Int
    public var createdAt: String
    public var dependencies: TemplateDependencies

    public init(
        app: String, region: String, version: Int, sha256: String, body: String, catalogRevision: Int,
        specRevision: Int, createdAt: String, dependencies: TemplateDependencies
    ) {
        self.app = app
        self.region = region
        self.version = version
        self.sha256 = sha256
        self.body = body
        self.catalogRevision = catalogRevision
        self.specRevision = specRevision
        self.createdAt = createdAt
        self.dependencies = dependencies
    }

    enum CodingKeys: String, CodingKey {
        case app, region, version, sha256, catalogRevision, specRevision, createdAt, dependencies
    }

    /// The first 12 hex digits of the hash, as `synth` prints it.
    public var shortHash: String { String(sha256.prefix(12)) }
}

/// A synthesized template ready to be recorded, and what recording it did.
public struct TemplateCandidate: Hashable, Sendable {
    public var app: String
    public var region: String
    public var sha256: String
    public var body: String
    /// The catalog and spec revisions the template was built from.
    public var catalogRevision: Int
    public var specRevision: Int
    public var dependencies: TemplateDependencies

    public init(app: String, region: String, sha256: String, body: String, catalogRevision: Int, specRevision: Int,
                dependencies: TemplateDependencies) {
        self.app = app
        self.region = region
        self.sha256 = sha256
        self.body = body
        self.catalogRevision = catalogRevision
        self.specRevision = specRevision
        self.dependencies = dependencies
    }
}

/// The version a candidate became, and whether it was new.
public struct RecordedTemplate: Hashable, Sendable {
    public var version: TemplateVersion
    public var isNew: Bool

    public init(version: TemplateVersion, isNew: Bool) {
        self.version = version
        self.isNew = isNew
    }
}
