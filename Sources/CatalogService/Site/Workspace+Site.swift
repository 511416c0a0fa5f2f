import CatalogModel
internal import CatalogStore
import CatalogSynthesis
import Foundation

extension Workspace {
    /// What the HTML report shows: the catalog, the live apps (of `team` only, when given)
    /// with their templates, last changes, routes, tags and estimates, the templates due for
    /// regeneration, and the actual costs of `month` (else the latest imported) when billing
    /// exports were imported. Lifecycle dates count from `asOf` (`YYYY-MM-DD`, else today).
    /// - Throws: a team no live app belongs to, a malformed month or date, a month with no costs
    ///   (or any month, when no billing export was imported).
    public func siteContent(team: String? = nil, month: String? = nil, asOf: String? = nil) throws -> SiteContent {
        let repository = apps.repository
        if let asOf, !Self.isDay(asOf) { throw SiteError.badDate(asOf) }
        let (catalog, revision) = try repository.revisionedSnapshot()
        // Deleted apps too, for attributing costs: one read of every spec.
        let everyApp = try repository.apps(includingDeleted: true)
        let live = everyApp.filter { $0.deletedAt == nil }
        let shown = try AppService.apps(live, ofTeam: team)
        let names = Set(shown.map(\.name))
        let log = try repository.changeLog(limit: nil)
        let latestChanges = log.prefix { $0.revision == revision }
        let listing = Dictionary(grouping: try repository.versionListing().filter { names.contains($0.app) }, by: \.app)
        let newest = Dictionary(grouping: try repository.newestVersions(perRegion: 2).filter { names.contains($0.app) }, by: \.app)
        let changes = try Self.lastChanges(newest)
        // What `regenerate` would change: a new version, or a template it cannot build; not a
        // stale template whose text comes out the same (it is only marked up to date).
        let stale = try apps.regenerate(apps: [], dryRun: true).results.filter { names.contains($0.app) }
            .compactMap { result -> SiteContent.StaleTemplate? in
                switch result.outcome {
                case let .success(recorded) where recorded.isNew:
                    return SiteContent.StaleTemplate(app: result.app, region: result.region, reasons: result.reasons)
                case .success: return nil
                case let .failure(failure):
                    return SiteContent.StaleTemplate(app: result.app, region: result.region,
                                                     reasons: result.reasons + ["cannot be rebuilt: \(failure.message)"])
                }
            }
        if let month, !BillingTimestamp.isMonth(month) { throw BillingError.badMonth(month) }
        let imported = try repository.latestBillingMonth() != nil
        if month != nil, !imported { throw BillingError.noCosts }
        let billed = imported ? try siteCosts(month: month, catalog: catalog, apps: live, everyApp: everyApp) : nil
        let actual = Dictionary((billed?.byApp.rows ?? []).map { ($0.value, $0.actual) }) { a, _ in a }
        // Each app's routes, tags and estimate on its own: over all cores.
        let siteApps = Parallel.map(shown) { app in
            let latest = (newest[app.name] ?? []).filter { app.spec.regions.contains($0.region) }
            let current = Dictionary(grouping: latest, by: \.region).values.compactMap { $0.max { $0.version < $1.version } }
                .sorted { $0.region < $1.region }
            return SiteContent.App(
                stored: app, current: current.map(Self.withoutBody), history: listing[app.name] ?? [],
                lastChanges: changes[app.name] ?? [], routes: current.flatMap { Self.routes(of: $0, in: catalog) },
                tags: catalog.effectiveTags(of: app.spec, adding: app.spec.profileTags),
                estimate: CostEstimate.of(app.spec, in: catalog),
                actual: billed == nil ? nil : actual[app.name] ?? 0)
        }
        return SiteContent(
            asOf: asOf ?? Today.day(), team: team, catalog: catalog, catalogRevision: revision,
            revisionDate: latestChanges.first?.appliedAt, latestChanges: Array(latestChanges), apps: siteApps,
            stale: stale, costs: billed, costTagKeys: Self.costTagKeys(catalog: catalog, apps: shown))
    }

    /// The month's costs by app, team, model and each cost tag key, and every month's total.
    private func siteCosts(
        month: String?, catalog: CatalogSnapshot, apps: [StoredApp], everyApp: [StoredApp]
    ) throws -> SiteContent.Costs {
        // One read of the catalog, apps and attribution, and of each month's billing, for all of them.
        let reports = costs.reports(catalog: catalog, specs: apps.map(\.spec), everySpec: everyApp.map(\.spec))
        let byApp = try reports.report(by: .app, month: month)
        let months = try Set(costs.sources().map(\.month)).sorted().map { month in
            let report = month == byApp.month ? byApp : try reports.report(by: .app, month: month)
            return SiteContent.MonthTotal(month: month, attributed: report.total - report.unattributed,
                                          unattributed: report.unattributed)
        }
        return SiteContent.Costs(
            month: byApp.month, latestMonth: byApp.latestMonth, byApp: byApp,
            byTeam: try reports.report(by: .team, month: byApp.month), byModel: try reports.report(by: .model, month: byApp.month),
            byTag: try Self.costTagKeys(catalog: catalog, apps: apps).map { try reports.report(by: .tag($0), month: byApp.month) },
            months: months)
    }

    /// The keys costs are split by: the tag policy's and the tag defaults', else the three user
    /// keys most apps carry.
    static func costTagKeys(catalog: CatalogSnapshot, apps: [StoredApp]) -> [String] {
        let chosen = catalog.tagPolicy.sorted.map(\.key)
            + ([catalog.tagDefaults.catalog] + catalog.tagDefaults.teams.values).flatMap(\.values.keys).sorted()
        var seen = Set<String>()
        let unique = chosen.filter { seen.insert(BillingTagKey.canonical(catalogKey: $0)).inserted }
        guard unique.isEmpty else { return unique }
        var carriers: [String: Int] = [:]
        for app in apps {
            for tag in app.spec.tags.values.keys { carriers[tag, default: 0] += 1 }
        }
        return carriers.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(3).map(\.key)
    }

    /// Each app's last change per Region: the diff of the newest version from the one before.
    /// Parsing the two templates is most of the work (thousands of pairs in a large catalog):
    /// the pairs are compared over all cores.
    private static func lastChanges(_ newest: [String: [TemplateVersion]]) throws -> [String: [SiteContent.RegionChange]] {
        struct Pair: Sendable {
            var app: String
            var old: TemplateVersion
            var new: TemplateVersion
        }
        var pairs: [Pair] = []
        for (app, versions) in newest.sorted(by: { $0.key < $1.key }) {
            for (_, inRegion) in Dictionary(grouping: versions, by: \.region).sorted(by: { $0.key < $1.key }) {
                let sorted = inRegion.sorted { $0.version < $1.version }
                guard sorted.count >= 2, let old = sorted.first, let new = sorted.last else { continue }
                pairs.append(Pair(app: app, old: old, new: new))
            }
        }
        let diffs = try Parallel.map(pairs) { pair in
            TemplateDiff(old: try TemplateValue.parse(pair.old.body), new: try TemplateValue.parse(pair.new.body))
        }
        var changes: [String: [SiteContent.RegionChange]] = [:]
        for (pair, diff) in zip(pairs, diffs) {
            changes[pair.app, default: []].append(
                SiteContent.RegionChange(region: pair.old.region, from: pair.old.version, to: pair.new.version, diff: diff))
        }
        return changes
    }

    /// Where requests made in a current template's Region may be served: each profile's
    /// destinations among the Regions the template was built for (the catalog's routes of the
    /// profile, where it still knows it), or the Region itself without a profile.
    static func routes(of template: TemplateVersion, in catalog: CatalogSnapshot) -> [SiteContent.Route] {
        let recorded = Set(template.dependencies.regions)
        let profiles = template.dependencies.profiles
        guard !profiles.isEmpty else {
            return [SiteContent.Route(fromRegion: template.region, profile: nil, geography: nil, toRegions: [template.region])]
        }
        return profiles.map { id in
            let profile = catalog.profiles[id]
            let destinations = profile.map { Set(catalog.destinations(of: $0, from: template.region)).intersection(recorded) }
                ?? recorded
            return SiteContent.Route(fromRegion: template.region, profile: id,
                                     geography: profile?.geography ?? String(id.prefix { $0 != "." }),
                                     toRegions: destinations.sorted())
        }
    }

    private static func withoutBody(_ version: TemplateVersion) -> TemplateVersion {
        var listed = version
        listed.body = ""
        return listed
    }

    static func isDay(_ text: String) -> Bool {
        CalendarDay(text) != nil
    }
}

/// Why a report could not be made.
public enum SiteError: Error, Equatable, CustomStringConvertible {
    case badDate(String)

    public var description: String {
        switch self {
        case let .badDate(text):
            "\"\(text)\" is not a date: give YYYY-MM-DD, such as 2026-01-31"
        }
    }
}
