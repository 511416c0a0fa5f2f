import CatalogModel
import Foundation

/// The catalog's tag policy and tag defaults: read, and changed as any catalog change is (one
/// revision, a change-log line per key, refused when it breaks apps unless forced, `--dry-run`,
/// `--regenerate`).
extension ModelCatalogService {
    public func tagPolicy() throws -> TagPolicy {
        try repository.snapshot().tagPolicy
    }

    public func tagDefaults() throws -> TagDefaults {
        try repository.snapshot().tagDefaults
    }

    /// Replaces the tag policy with the one in `file` (Organizations' JSON; `-` reads standard input).
    public func setTagPolicy(file: String, mode: ChangeMode = ChangeMode()) throws -> ImportResult {
        let data = try reader.contents(of: file)
        let policy = try rethrowing(file) { () throws(InputError) in try TagPolicy.parse(json: data) }
        return try change(origin: "tags policy set \(DocumentReader.name(file))", mode: mode) { $0.tagPolicy = policy }
    }

    /// Removes the tag policy.
    public func clearTagPolicy(mode: ChangeMode = ChangeMode()) throws -> ImportResult {
        try change(origin: "tags policy clear", mode: mode) { $0.tagPolicy = TagPolicy() }
    }

    /// Defaults in another spelling than the policy's, or with a value it does not allow, are
    /// refused whether or not a live app would carry them yet.
    private static func checkAgainstPolicy(_ tags: TagMap, _ policy: TagPolicy) throws(InputError) {
        var problems = InputError()
        for (key, value) in tags.sorted {
            guard let entry = policy.entry(for: key) else { continue }
            let at = "\(key)=\(value)"
            if entry.key != key {
                problems.add(InputIssue(field: at, problem: "the tag policy spells the key \(entry.key)"))
            }
            if !entry.allows(value) {
                problems.add(InputIssue(field: at, problem: entry.notAllowed(value)))
            }
        }
        try problems.throwIfAny()
    }

    /// The value of `body`, or `nil` with its problems added to `problems`.
    private func catching<Value>(_ problems: inout InputError, _ body: () throws(InputError) -> Value) -> Value? {
        do {
            return try body()
        } catch {
            problems.add(error)
            return nil
        }
    }

    /// Sets `assignments` (`KEY=VALUE`) as defaults of `team`, or of the catalog when `team` is
    /// nil, and removes the defaults of `unset` keys.
    /// A team no live app belongs to is refused (a typo would set defaults nobody gets) unless
    /// `newTeam`.
    public func changeTagDefaults(
        set assignments: [String], unset: [String], team: String?, newTeam: Bool = false, mode: ChangeMode = ChangeMode()
    ) throws -> ImportResult {
        var problems = InputError()
        if let team {
            // A team's name is what its apps' deploycat:team tag carries.
            if team.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.add(InputIssue(field: "--team", problem: "must name a team"))
            }
            for issue in TagRules.valueIssues(team, at: "--team") {
                problems.add(InputIssue(field: issue.field, problem: "\"\(team)\" is not a team name: \(issue.problem)"))
            }
        }
        let tags = catching(&problems) { () throws(InputError) in try TagAssignment.parse(assignments) } ?? TagMap()
        let removed = catching(&problems) { () throws(InputError) in try TagAssignment.keys(unset) } ?? []
        try problems.throwIfAny()
        // Removing a team's leftover defaults needs no live app; setting them does, unless asked.
        let stored = try tagDefaults()
        let removingLeftovers = assignments.isEmpty && stored.teams[team ?? ""] != nil
        if let team, !newTeam, !removingLeftovers,
           try repository.liveApps(named: nil, team: team, pattern: nil, region: nil).isEmpty {
            throw AppError.unknownTeam(team: team, teams: Set(try repository.apps().map(\.spec.team)).sorted(),
                                       newTeam: assignments.isEmpty ? nil : "--new-team")
        }
        let command = assignments.isEmpty ? "unset" : "set"
        let origin = (["tags defaults \(command)"] + (assignments.isEmpty ? removed : assignments.sorted())
            + (team.map { ["--team", $0] } ?? [])).joined(separator: " ")
        var result = try change(origin: origin, mode: mode) { catalog in
            try Self.checkAgainstPolicy(tags, catalog.tagPolicy)
            var level = catalog.tagDefaults[team: team]
            for key in removed { level.values[key] = nil }
            level.values.merge(tags.values) { _, new in new }
            catalog.tagDefaults[team: team] = level
        }
        if let team, newTeam, !assignments.isEmpty,
           try repository.liveApps(named: nil, team: team, pattern: nil, region: nil).isEmpty {
            result.notes.append("no app belongs to team \"\(team)\" yet; its apps will carry these defaults")
        }
        return result
    }
}
