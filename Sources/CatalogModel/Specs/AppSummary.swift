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

/// An app row whose stored summary is not what its spec makes: the fields that differ (`name`,
/// `team`, `pattern`, `model`, `regions`, `stage`) or, when a stored value cannot be read at
/// all, what is wrong with it (`problem`).
public struct AppSummaryMismatch: Hashable, Sendable, Encodable, CustomStringConvertible {
    public var app: String
    /// A deleted app keeps its row; applied again, it is written anew.
    public var deleted: Bool
    public var fields: [String]
    public var problem: String?

    public init(app: String, deleted: Bool, fields: [String], problem: String? = nil) {
        (self.app, self.deleted, self.fields, self.problem) = (app, deleted, fields, problem)
    }

    /// `support-chat: team, stage`, `partner-gateway (deleted): model`, or the app and its problem.
    public var description: String {
        "\(app)\(deleted ? " (deleted)" : ""): " + (problem ?? fields.joined(separator: ", "))
    }
}

extension AppSummary {
    /// The names of the fields whose values differ from `other`'s, in the summary's order.
    public func fields(differingFrom other: AppSummary) -> [String] {
        [("name", name != other.name), ("team", team != other.team), ("pattern", pattern != other.pattern),
         ("model", model != other.model), ("regions", regions != other.regions), ("stage", stage != other.stage)]
            .filter(\.1).map(\.0)
    }
}
