import CatalogModel
internal import CatalogStore
import Foundation

/// The tag reports: apps by tag value, policy violations, and each version's tags.
extension AppService {
    /// Live apps (of `team` when given) by the value of `key` (in any spelling of a key the
    /// catalog knows, as cost reports read it: `CostCenter`, `cost-center`, `user_cost_center`),
    /// or by every key they carry. An app's tags are its profile's when
    /// the profile has tags of its own: the profile is what Bedrock bills.
    public func tagReport(key: String?, team: String?) throws -> TagReport {
        let catalog = try repository.snapshot()
        let live = try repository.apps()
        let apps = try Self.apps(live, ofTeam: team)
        // The key is read as cost reports read it: any spelling billing exports or specs use.
        let known = KnownTagKeys(catalog: catalog, apps: live.map(\.spec))
        let stored = try key.map { key in
            guard let stored = known.stored(key) else { throw BillingError.unknownTagKey(key, known: known.all) }
            return stored
        }
        let key = stored.map(known.display)
        let resources = Self.currentResources(try repository.latestVersions(), live: apps)
        var groups: [GroupKey: [AppSpec]] = [:]
        for app in apps {
            let tags = catalog.effectiveTags(of: app.spec, adding: app.spec.profileTags).values
            if let key, let stored {
                let value = tags.first { BillingTagKey.canonical(catalogKey: $0.key) == stored }?.value
                groups[GroupKey(key: key, value: value), default: []].append(app.spec)
            } else {
                for (tagKey, value) in tags { groups[GroupKey(key: tagKey, value: value), default: []].append(app.spec) }
            }
        }
        let rows = groups.sorted { ($0.key.key, $0.key.value ?? "\u{10FFFF}") < ($1.key.key, $1.key.value ?? "\u{10FFFF}") }
            .map { group, specs in
                let estimates = specs.map { ($0.name, CostEstimate.of($0, in: catalog)?.monthlyTotal) }
                let estimated = estimates.compactMap(\.1)
                return TagReport.Row(
                    key: group.key, value: group.value, apps: specs.map(\.name).sorted(),
                    teams: Set(specs.map(\.team)).sorted(), patterns: Set(specs.map(\.pattern.rawValue)).sorted(),
                    models: Set(specs.compactMap(\.modelName)).sorted(), regions: Set(specs.flatMap(\.regions)).sorted(),
                    inferenceProfiles: specs.flatMap { resources[$0.name]?.profiles ?? [] }
                        .sorted { ($0.app, $0.region, $0.logicalId) < ($1.app, $1.region, $1.logicalId) },
                    estimatedMonthly: estimated.isEmpty ? nil : estimated.reduce(0, +),
                    unestimatedApps: estimates.filter { $0.1 == nil }.map(\.0).sorted(), actual: nil,
                    appCosts: estimates.sorted { $0.0 < $1.0 }.map { TagReport.AppCost(app: $0.0, estimatedMonthly: $0.1, actual: nil) })
            }
        return TagReport(key: key, rows: rows)
    }

    /// The `live` apps of `team`, when given; a team none of them belongs to is an error (a
    /// typo must not pass a check).
    static func apps(_ live: [StoredApp], ofTeam team: String?) throws -> [StoredApp] {
        guard let team else { return live }
        let apps = live.filter { $0.spec.team == team }
        if apps.isEmpty { throw AppError.unknownTeam(team: team, teams: Set(live.map(\.spec.team)).sorted()) }
        return apps
    }

    private struct GroupKey: Hashable {
        var key: String
        var value: String?
    }

    /// Every live app's violations of the catalog's tag policy, by app.
    public func tagCheck(team: String? = nil) throws -> TagCheck {
        let catalog = try repository.snapshot()
        let apps = try Self.apps(try repository.apps(), ofTeam: team)
        // Whether AWS enforces a value is judged on what the app's current templates create.
        let resources = catalog.tagPolicy.isEmpty ? [:] : Self.currentResources(try repository.latestVersions(), live: apps)
        return TagCheck(apps: apps.count, policyKeys: catalog.tagPolicy.keys.count, violations: apps.flatMap { app in
            catalog.tagPolicy.violations(of: app.spec, in: catalog, creating: resources[app.name].map {
                TagPolicyResourceTypes(cloudFormationTypes: $0.types)
            } ?? .created)
        })
    }

    /// The tags of each version of the app's templates (of `region` when given), by Region then
    /// version, with what changed from the version before. Versions built before deploycat kept
    /// tags show their spec revision's, which is what they carried: there were no defaults then.
    public func tagHistory(app name: String, region: String?) throws -> [TagHistoryEntry] {
        let all = try self.versions(app: name)
        guard !all.isEmpty else { throw AppError.noTemplates(app: name) }
        let versions = all.filter { region == nil || $0.region == region }
        if let region, versions.isEmpty {
            throw AppError.unknownRegion(app: name, region: region, regions: Array(Set(all.map(\.region))).sorted())
        }
        let specs = Dictionary(try repository.specHistory(app: name).map { ($0.revision, $0.spec) }) { a, _ in a }
        var previous: [String: [String: String]] = [:]
        return versions.map { version in
            let tags = version.tags ?? specs[version.specRevision].map {
                CatalogSnapshot().effectiveTags(of: $0, adding: $0.profileTags).values
            } ?? [:]
            let changes = previous[version.region].map { Self.changes(from: $0, to: tags) } ?? []
            previous[version.region] = tags
            return TagHistoryEntry(region: version.region, version: version.version, createdAt: version.createdAt,
                                   catalogRevision: version.catalogRevision, specRevision: version.specRevision,
                                   tags: tags, changes: changes, reason: version.reason)
        }
    }

    /// `+K=V`, `K: a -> b`, `-K`, by key.
    static func changes(from old: [String: String], to new: [String: String]) -> [String] {
        Set(old.keys).union(new.keys).sorted().compactMap { key in
            switch (old[key], new[key]) {
            case let (nil, value?): "+\(key)=\(value)"
            case (_?, nil): "-\(key)"
            case let (was?, value?) where was != value: "\(key): \(was) -> \(value)"
            default: nil
            }
        }
    }

    /// What an app's current templates create: their resource types and application inference profiles.
    struct CurrentResources {
        var types: Set<String> = []
        var profiles: [TagReport.InferenceProfile] = []
    }

    /// App -> what its current templates (the latest version of each Region its spec names) create.
    static func currentResources(_ versions: [TemplateVersion], live: [StoredApp]) -> [String: CurrentResources] {
        let regions = Dictionary(live.map { ($0.name, Set($0.spec.regions)) }) { a, _ in a }
        var found: [String: CurrentResources] = [:]
        for version in versions where regions[version.app]?.contains(version.region) == true {
            guard let template = try? JSONSerialization.jsonObject(with: Data(version.body.utf8)) as? [String: Any],
                  let resources = template["Resources"] as? [String: Any] else { continue }
            for (logicalId, resource) in resources.sorted(by: { $0.key < $1.key }) {
                guard let resource = resource as? [String: Any], let type = resource["Type"] as? String else { continue }
                found[version.app, default: CurrentResources()].types.insert(type)
                if type == "AWS::Bedrock::ApplicationInferenceProfile",
                   let name = (resource["Properties"] as? [String: Any])?["InferenceProfileName"] as? String {
                    found[version.app, default: CurrentResources()].profiles.append(TagReport.InferenceProfile(
                        app: version.app, region: version.region, logicalId: logicalId, name: name))
                }
            }
        }
        return found
    }
}
