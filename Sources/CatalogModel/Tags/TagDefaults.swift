/// Tags apps carry without writing them: catalog-wide, then per team. An app's own `tags` win
/// over its team's, and those over the catalog's.
public struct TagDefaults: Codable, Hashable, Sendable {
    public var catalog: TagMap
    /// Team -> its defaults; a team without defaults has no entry.
    public var teams: [String: TagMap]

    public init(catalog: TagMap = TagMap(), teams: [String: TagMap] = [:]) {
        self.catalog = catalog
        self.teams = teams.filter { !$0.value.values.isEmpty }
    }

    /// How the change log and template dependencies name the catalog-wide level.
    public static let catalogLevel = "*"

    /// The dependency refs of an app of `team`: the catalog's level and the team's.
    public static func levels(team: String) -> [String] { [catalogLevel, team] }

    public var isEmpty: Bool { catalog.values.isEmpty && teams.isEmpty }

    /// The defaults of one level: the catalog's (`team` nil) or a team's.
    public subscript(team team: String?) -> TagMap {
        get { team.map { teams[$0] ?? TagMap() } ?? catalog }
        set {
            if let team {
                teams[team] = newValue.values.isEmpty ? nil : newValue
            } else {
                catalog = newValue
            }
        }
    }
}
