import CatalogModel
import CatalogService
import CatalogSynthesis
import Foundation

/// `apps/index.html` (and further pages): every app by team; `apps/<app>.html`: one app's
/// spec, Regions and routes, templates and their history, last change, tags and costs.
struct AppPages {
    var content: SiteContent
    static let perPage = 500

    func pages() -> [SitePage] {
        let stale = Dictionary(grouping: content.stale, by: \.app)
        let byTeam = content.apps.sorted { ($0.spec.team, $0.name) < ($1.spec.team, $1.name) }
        let split = Paginated(byTeam, perPage: Self.perPage)
        var pages = split.pages.enumerated().map { index, apps in
            listPage(Array(apps), page: index + 1, of: split.pages.count, stale: stale)
        }
        // One page per app, ten thousand and more in a large catalog: made over all cores.
        pages += Parallel.map(content.apps) { appPage($0, stale: stale[$0.name] ?? []) }
        return pages
    }

    private func listPage(_ apps: [SiteContent.App], page: Int, of count: Int, stale: [String: [SiteContent.StaleTemplate]]) -> SitePage {
        let path = SitePaths.appsPage(page)
        let pager = Paginated<SiteContent.App>.pager(pages: count, current: page, from: path, path: SitePaths.appsPage)
        var body = "<p>\(HTML.count(content.apps.count, "live app")), by team then name"
            + (count > 1 ? "; page \(page) of \(count)" : "") + ".</p>" + pager
        let costs = content.costs
        for (team, members) in Dictionary(grouping: apps, by: \.spec.team).sorted(by: { $0.key < $1.key }) {
            body += "<h2>Team \(HTML.escape(team))</h2>"
            var head = ["App", "Pattern", "Model", "Regions", "Estimate / month"]
            if costs != nil { head.append("Actual") }
            head.append("Templates")
            body += HTML.table(head: head, rows: members.map { app in
                var cells = [HTML.link(app.name, to: SitePage.href(SitePaths.app(app.name), from: path)),
                             HTML.code(app.spec.pattern.rawValue), app.model.map { HTML.escape($0) + lifecycle(of: $0) } ?? "-",
                             app.spec.regions.map(HTML.escape).joined(separator: ", "),
                             MoneyText.dollars(app.estimate?.monthlyTotal)]
                if costs != nil { cells.append(MoneyText.dollars(app.actual)) }
                cells.append(stale[app.name].map { "due: \(HTML.count($0.count, "Region"))" } ?? "up to date")
                return cells
            }, numeric: costs != nil ? [4, 5] : [4])
        }
        body += pager
        return SitePage(path: path, title: count > 1 ? "Apps (page \(page) of \(count))" : "Apps", section: .apps, body: body)
    }

    private func appPage(_ app: SiteContent.App, stale: [SiteContent.StaleTemplate]) -> SitePage {
        let path = SitePaths.app(app.name)
        let spec = app.spec
        var facts: [(name: String, value: String)] = [
            ("Team", HTML.escape(spec.team)), ("Pattern", HTML.code(spec.pattern.rawValue)),
            ("Model", app.model.map { HTML.link($0, to: SitePage.href(SitePaths.model($0), from: path)) + lifecycle(of: $0) } ?? "-"),
            ("Regions", spec.regions.map { HTML.link($0, to: SitePage.href(SitePaths.region($0), from: path)) }.joined(separator: ", ")),
        ]
        if let stage = spec.stage { facts.append(("Stage", HTML.escape(stage))) }
        if let account = spec.account { facts.append(("Account", HTML.escape(account))) }
        if let profileApp = spec.inferenceProfileApp {
            // Another team's app has no page in a team's site.
            let shown = content.apps.contains { $0.name == profileApp }
            facts.append(("Uses the profile of", shown ? HTML.link(profileApp, to: SitePage.href(SitePaths.app(profileApp), from: path))
                : HTML.escape(profileApp) + " <span class=\"muted\">(another team's app)</span>"))
        }
        facts.append(("Spec", "revision \(app.stored.specRevision), from \(HTML.code(Self.shared(app.stored.source))), "
            + "applied \(HTML.escape(OverviewPage.day(app.stored.updatedAt)))"))
        var body = HTML.facts(facts)
        body += "<h2>Where requests are served</h2>" + routes(app, from: path)
        body += "<h2>Current templates</h2>" + current(app, stale: stale)
        body += "<h2>Last change</h2>" + lastChanges(app)
        body += "<h2>Version history</h2>" + history(app)
        body += "<h2>Tags</h2>" + tags(app)
        body += "<h2>Cost</h2>" + cost(app)
        return SitePage(path: path, title: "App \(app.name)", section: .apps, body: body)
    }

    /// A spec's file as a shared page shows it: a relative path as given, an absolute one by its
    /// name alone (the folders are someone's machine).
    static func shared(_ source: String) -> String {
        source.hasPrefix("/") ? String(source.split(separator: "/").last ?? "") : source
    }

    /// ` LEGACY ... end of life ...` after a model that needs attention; nothing otherwise.
    private func lifecycle(of model: String) -> String {
        guard let found = content.catalog.models[model] else { return "" }
        let badge = LifecycleBadge(model: found, asOf: content.asOf)
        return badge.isNotable ? " " + badge.html() : ""
    }

    private func routes(_ app: SiteContent.App, from path: String) -> String {
        guard !app.routes.isEmpty else { return "<p class=\"muted\">No current template yet: run <code>deploycat synth \(HTML.escape(app.name))</code>.</p>" }
        return HTML.table(head: ["From", "Through", "Served in"], rows: app.routes.map { route in
            [HTML.escape(route.fromRegion), route.profile.map(HTML.code) ?? "the Region itself",
             route.toRegions.map { HTML.link($0, to: SitePage.href(SitePaths.region($0), from: path)) }.joined(separator: ", ")]
        })
    }

    private func current(_ app: SiteContent.App, stale: [SiteContent.StaleTemplate]) -> String {
        guard !app.current.isEmpty else { return "<p class=\"muted\">None yet.</p>" }
        let due = Dictionary(stale.map { ($0.region, $0.reasons) }) { a, _ in a }
        return HTML.table(head: ["Region", "Version", "SHA-256", "Made", "Why", "Due for regeneration"], rows: app.current.map { version in
            [HTML.escape(version.region), String(version.version), "<code title=\"\(HTML.escape(version.sha256))\">\(HTML.escape(version.shortHash))</code>",
             HTML.escape(OverviewPage.day(version.createdAt)), HTML.escape(version.reason.isEmpty ? "-" : version.reason),
             due[version.region].map { $0.map(HTML.escape).joined(separator: "<br>") } ?? "no"]
        }, numeric: [1])
    }

    private func history(_ app: SiteContent.App) -> String {
        guard !app.history.isEmpty else { return "<p class=\"muted\">No versions yet.</p>" }
        let retired = Set(app.history.map(\.region)).subtracting(app.spec.regions)
        return HTML.table(head: ["Region", "Version", "SHA-256", "Made", "Catalog rev", "Spec rev", "Why"],
                          rows: app.history.reversed().map { version in
            [HTML.escape(version.region) + (retired.contains(version.region) ? " <span class=\"muted\">(retired)</span>" : ""),
             String(version.version), HTML.code(version.shortHash), HTML.escape(OverviewPage.day(version.createdAt)),
             String(version.catalogRevision), String(version.specRevision), HTML.escape(version.reason.isEmpty ? "-" : version.reason)]
        }, numeric: [1, 4, 5])
    }

    private func lastChanges(_ app: SiteContent.App) -> String {
        guard !app.lastChanges.isEmpty else { return "<p class=\"muted\">Each Region has one version so far.</p>" }
        return app.lastChanges.map { change in
            "<h3>\(HTML.escape(change.region)): version \(change.from) → \(change.to)</h3>" + DiffText.html(change.diff)
        }.joined()
    }

    private func tags(_ app: SiteContent.App) -> String {
        HTML.table(head: ["Key", "Value", "From"], rows: app.tags.tags.sorted { $0.key < $1.key }.map { tag in
            [HTML.code(tag.key), HTML.escape(tag.value), HTML.escape(tag.origin.rawValue)]
        })
    }

    private func cost(_ app: SiteContent.App) -> String {
        var html = ""
        if let estimate = app.estimate {
            html += HTML.table(caption: "Estimate from the spec's usage and catalog prices",
                               head: ["Region", "Monthly"], rows: estimate.regions.map { [HTML.escape($0.region), MoneyText.dollars($0.monthly)] },
                               foot: [["Total", MoneyText.dollars(estimate.monthlyTotal)]], numeric: [1])
        } else {
            html += "<p class=\"muted\">No estimate: the spec gives no usage or calls no catalog Bedrock model.</p>"
        }
        if let costs = content.costs {
            html += "<p>Actual cost in \(HTML.escape(costs.month)): <b>\(MoneyText.dollars(app.actual ?? 0))</b> "
                + "(from imported billing exports).</p>"
        } else {
            html += "<p class=\"muted\">No billing exports imported: <code>deploycat cost import FILE</code> adds actual costs.</p>"
        }
        return html
    }
}
