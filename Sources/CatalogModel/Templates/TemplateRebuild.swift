/// Which templates a rebuild looks at: `regenerate` rebuilds the stale ones, `synth` every
/// Region of the apps it names.
public struct RebuildScope: Hashable, Sendable {
    /// Only these apps; every live app when `nil`.
    public var apps: [String]?
    /// Only the app Regions whose current template is stale (or missing); otherwise every
    /// Region each app's spec names.
    public var staleOnly: Bool

    public init(apps: [String]? = nil, staleOnly: Bool) {
        self.apps = apps
        self.staleOnly = staleOnly
    }

    /// Whether every Region of every live app is rebuilt (`synth --all`): what a rebuild reads
    /// of the apps is then read whole, not looked up by the names of thousands of apps.
    public var coversEveryApp: Bool { apps == nil && !staleOnly }
}

/// An app Region to rebuild: its current template, if it has one, and why it is stale.
public struct StaleTemplate: Hashable, Sendable {
    public var app: String
    public var region: String
    /// The latest stored version without its text (`body` is empty: `sha256` names it); `nil`
    /// when the Region has none yet.
    public var current: TemplateVersion?
    /// What changed since `current` was built, oldest first: `catalog rev 42: profile us.x
    /// destinations from us-east-1 +us-east-2`, `spec rev 3 (last built for spec rev 2)`, `profile
    /// app shared-haiku spec rev 4 (last built for spec rev 3)`. Empty when nothing did.
    public var reasons: [String]

    public init(app: String, region: String, current: TemplateVersion?, reasons: [String]) {
        self.app = app
        self.region = region
        self.current = current
        self.reasons = reasons
    }

    /// The reasons as one line, as a version's `reason` records them.
    public var reason: String { reasons.joined(separator: "; ") }
}

/// What a rebuild works from: the catalog, the apps and the stale templates, read together.
public struct RebuildWork: Hashable, Sendable {
    /// The catalog, and the revision the rebuilt templates are built from.
    public var catalog: CatalogSnapshot
    public var catalogRevision: Int
    /// The apps to rebuild and every app whose profile they name, by name.
    public var apps: [String: StoredApp]
    /// The app Regions to rebuild, by app then Region.
    public var templates: [StaleTemplate]

    public init(catalog: CatalogSnapshot, catalogRevision: Int, apps: [String: StoredApp], templates: [StaleTemplate]) {
        self.catalog = catalog
        self.catalogRevision = catalogRevision
        self.apps = apps
        self.templates = templates
    }
}

/// What a rebuild did: what it looked at, and what recording each built template did (on a
/// dry run, what it would do: the version numbers it would take). Its versions come without
/// their texts (`body` is empty), which a rebuild of many apps would otherwise all hold.
public struct Rebuild: Hashable, Sendable {
    public var work: RebuildWork
    public var recorded: [RecordedTemplate]

    public init(work: RebuildWork, recorded: [RecordedTemplate]) {
        self.work = work
        self.recorded = recorded
    }
}
