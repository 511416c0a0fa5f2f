/// One stored version of an app's template in one Region. Its JSON form (as `versions
/// --json` prints it) leaves out the body, which `template` prints on its own.
public struct TemplateVersion: Encodable, Hashable, Sendable {
    public var app: String
    public var region: String
    /// Counts from 1 per app and Region; a new version is stored only when the text changes.
    public var version: Int
    /// The hash of its text, laid out.
    public var sha256: String
    /// Its text, laid out (see `TemplateLayout`), as it is written to disk.
    public var body: String
    /// The catalog and spec revisions it was built from.
    public var catalogRevision: Int
    public var specRevision: Int
    public var createdAt: String
    /// Why it was made: the catalog changes, spec revision or profile app it was rebuilt for
    /// (`catalog rev 42: profile us.x destinations from us-east-1 +us-east-2`); empty for
    /// versions stored before deploycat recorded reasons.
    public var reason: String
    public var dependencies: TemplateDependencies
    /// The newest catalog and spec revisions the text is known to match: those it was built
    /// from, or newer ones a rebuild that gave the same text was made from.
    public var upToDateCatalogRevision: Int
    public var upToDateSpecRevision: Int
    /// The spec revision of each app in `dependencies.apps` the text is known to match.
    public var appRevisions: [String: Int] = [:]
    /// The tags its resources carry (its inference profile's); `nil` for versions built before
    /// deploycat kept them.
    public var tags: [String: String]?
    /// Set when the app's spec no longer names the Region: the spec revision that dropped it.
    /// Such templates are retired: readable by version, never exported.
    public var retiredInSpecRevision: Int?

    public init(
        app: String, region: String, version: Int, sha256: String, body: String, catalogRevision: Int,
        specRevision: Int, createdAt: String, reason: String = "", dependencies: TemplateDependencies
    ) {
        self.app = app
        self.region = region
        self.version = version
        self.sha256 = sha256
        self.body = body
        self.catalogRevision = catalogRevision
        self.specRevision = specRevision
        self.createdAt = createdAt
        self.reason = reason
        self.dependencies = dependencies
        upToDateCatalogRevision = catalogRevision
        upToDateSpecRevision = specRevision
    }

    enum CodingKeys: String, CodingKey {
        case app, region, version, sha256, catalogRevision, specRevision, createdAt, reason, dependencies, tags,
             retiredInSpecRevision
    }

    /// The first 12 hex digits of the hash, as `synth` prints it.
    public var shortHash: String { String(sha256.prefix(12)) }
}

/// A synthesized template ready to be recorded, and what recording it did.
public struct TemplateCandidate: Hashable, Sendable {
    public var app: String
    public var region: String
    /// The hash of its text, laid out.
    public var sha256: String
    /// Its text, compact (see `TemplateLayout`): what is stored.
    public var compactBody: String
    /// The catalog and spec revisions the template was built from.
    public var catalogRevision: Int
    public var specRevision: Int
    public var dependencies: TemplateDependencies
    /// The spec revision of each app in `dependencies.apps` it was built from, so a later change
    /// of that app's spec finds this template.
    public var appRevisions: [String: Int]
    /// Why it is built (see `TemplateVersion.reason`).
    public var reason: String
    /// The tags its resources carry.
    public var tags: [String: String]

    public init(app: String, region: String, sha256: String, compactBody: String, catalogRevision: Int, specRevision: Int,
                dependencies: TemplateDependencies, tags: [String: String] = [:], appRevisions: [String: Int] = [:],
                reason: String = "") {
        self.tags = tags
        self.app = app
        self.region = region
        self.sha256 = sha256
        self.compactBody = compactBody
        self.catalogRevision = catalogRevision
        self.specRevision = specRevision
        self.dependencies = dependencies
        self.appRevisions = appRevisions
        self.reason = reason
    }
}

/// What recording a candidate did: the version it became, or the newer version that made it stale.
public struct RecordedTemplate: Hashable, Sendable {
    public enum Outcome: String, Hashable, Sendable {
        /// Stored as a new version.
        case new
        /// The latest version already has this text.
        case unchanged
        /// Not stored: the latest version was built from a newer spec or catalog revision (another
        /// command recorded it while this one was synthesizing), so this one would be a step back.
        case superseded
    }

    /// The new version, or the latest one when unchanged or superseded.
    public var version: TemplateVersion
    public var outcome: Outcome

    public init(version: TemplateVersion, outcome: Outcome) {
        self.version = version
        self.outcome = outcome
    }

    public var isNew: Bool { outcome == .new }
}
