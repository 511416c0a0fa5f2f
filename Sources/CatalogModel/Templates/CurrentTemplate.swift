/// A live app's current template in one Region (the latest version of a Region its spec still
/// names) as usage queries find it: what it was built from, never its body.
public struct CurrentTemplate: Hashable, Sendable {
    public var app: String
    public var team: String
    public var pattern: PatternKind
    public var region: String
    public var version: Int
    /// The dependency the query matched: the model, profile, geography or Region it was built from.
    public var ref: String
    /// Its dependencies of the kinds the query asked for; empty for the others.
    public var dependencies: TemplateDependencies

    public init(
        app: String, team: String, pattern: PatternKind, region: String, version: Int, ref: String,
        dependencies: TemplateDependencies = TemplateDependencies()
    ) {
        self.app = app
        self.team = team
        self.pattern = pattern
        self.region = region
        self.version = version
        self.ref = ref
        self.dependencies = dependencies
    }
}
