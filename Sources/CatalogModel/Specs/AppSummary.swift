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

/// An app whose stored summary is not what its spec makes: the fields that differ (`team`,
/// `pattern`, `model`, `regions`, `stage`), or which stored value could not be read and why.
public struct AppSummaryMismatch: Hashable, Sendable, Encodable {
    public var app: String
    public var fields: [String]

    public init(app: String, fields: [String]) { (self.app, self.fields) = (app, fields) }
}

extension AppSummary {
    /// The names of the fields whose values differ from `other`'s, in the summary's order.
    public func fields(differingFrom other: AppSummary) -> [String] {
        [("team", team != other.team), ("pattern", pattern != other.pattern), ("model", model != other.model),
         ("regions", regions != other.regions), ("stage", stage != other.stage)].filter(\.1).map(\.0)
    }
}
