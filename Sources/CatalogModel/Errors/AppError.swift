/// A request about apps the catalog cannot answer.
public enum AppError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownApp(name: String, suggestions: [String])
    case unknownRegion(app: String, region: String, regions: [String])
    case unknownVersion(app: String, region: String, version: Int, latest: Int)
    /// The spec no longer names the Region: its templates are read only by version.
    case retiredRegion(app: String, region: String, removedInSpecRevision: Int, latest: Int)
    case noTemplates(app: String)
    /// No live app belongs to the team; `teams` are those that have live apps. `newTeam` names
    /// the option that accepts a team with no app yet, where there is one.
    case unknownTeam(team: String, teams: [String], newTeam: String? = nil)
    case profileInUse(app: String, users: [String])
    /// A cost estimate needs the spec's `usage`.
    case noUsage(app: String, batch: Bool)
    /// The app calls no catalog Bedrock model, so Bedrock prices do not apply.
    case noModel(app: String, pattern: PatternKind)

    public var description: String {
        switch self {
        case let .unknownApp(name, suggestions):
            return "app \"\(name)\" is not in the catalog"
                + (suggestions.isEmpty ? "" : " (did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: " or ") + "?)")
                + "; `deploycat apps list` lists the apps"
        case let .unknownRegion(app, region, regions):
            return "app \"\(app)\" has no template for \"\(region)\"; its Regions: \(regions.joined(separator: ", "))"
        case let .unknownVersion(app, region, version, latest):
            return "app \"\(app)\" in \"\(region)\" has no version \(version); "
                + (latest == 1 ? "its one version is 1" : "versions are 1 to \(latest)")
        case let .retiredRegion(app, region, revision, latest):
            return "app \"\(app)\" no longer deploys to \"\(region)\": spec revision \(revision) removed it; its "
                + "templates stay readable with " + (latest == 1 ? "--version 1" : "--version 1 to \(latest)")
        case let .noTemplates(app):
            return "app \"\(app)\" has no templates yet; run `deploycat synth \(app)`"
        case let .unknownTeam(team, teams, newTeam):
            return "no app belongs to team \"\(team)\"" + Suggestions.didYouMean(team, in: teams)
                + "; teams: " + (teams.isEmpty ? "none yet" : teams.joined(separator: ", "))
                + (newTeam.map { "; give \($0) for a team whose apps are still to come" } ?? "")
        case let .noUsage(app, batch):
            return "app \"\(app)\" has no usage in its spec; add usage: \(batch ? Usage.batchShape : Usage.requestShape) "
                + "(per Region) and apply it"
        case let .noModel(app, pattern):
            return "app \"\(app)\" " + Self.noModelReason(pattern) + "; cost estimate covers Bedrock models with catalog prices"
        case let .profileInUse(app, users):
            return "app \"\(app)\" cannot be deleted: " + (users.count == 1 ? "app \(users[0]) uses" : "apps "
                + users.joined(separator: ", ") + " use") + " its profile (inferenceProfileApp); change or delete "
                + (users.count == 1 ? "it" : "them") + " first"
        }
    }

    /// Why an app of `pattern` has no model price to estimate with.
    static func noModelReason(_ pattern: PatternKind) -> String {
        switch pattern {
        case .lambdaSagemakerEndpoint:
            "runs a SageMaker endpoint, whose instances SageMaker bills by the hour, and calls no Bedrock model"
        case .bedrockPrompt:
            "lets a prompt router pick the model per request, so no one model's price applies"
        default:
            "calls no Bedrock model of the catalog"
        }
    }
}
