/// What a list of apps shows of each: the few fields a reader scans a table for. The store
/// keeps them in columns beside the spec, so listing thousands of apps decodes no spec.
public struct AppSummary: Hashable, Sendable {
    public var name: String
    public var team: String
    public var pattern: PatternKind
    /// The model as listings name it (`AppSpec.modelName`); nil when the app calls none.
    public var model: String?
    /// In the spec's order.
    public var regions: [String]
    public var stage: String?

    public init(name: String, team: String, pattern: PatternKind, model: String?, regions: [String], stage: String?) {
        (self.name, self.team, self.pattern) = (name, team, pattern)
        (self.model, self.regions, self.stage) = (model, regions, stage)
    }
}

extension AppSpec {
    /// The spec's summary: what the store keeps beside it. Stored catalogs hold summaries made
    /// this way: a change to how one is made needs a migration step that makes them again.
    public var summary: AppSummary {
        AppSummary(name: name, team: team, pattern: pattern, model: modelName, regions: regions, stage: stage)
    }
}
