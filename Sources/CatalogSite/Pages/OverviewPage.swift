import CatalogModel
import Foundation
import CatalogService

/// `index.html`: the catalog revision and what it changed, counts, models whose lifecycle
/// needs attention, and the templates due for regeneration.
struct OverviewPage {
    var content: SiteContent
    /// Rows of the regeneration table at most; the rest are counted.
    static let shownStale = 200
    /// Change log lines shown before the rest fold away (a first load has hundreds).
    static let shownChanges = 20
    /// Change log lines folded away at most (a bulk import makes thousands).
    static let foldedChanges = 1_000
    /// Apps named per model in the lifecycle table; the models page lists them all.
    static let shownApps = 10

    func page() -> SitePage {
        let path = SiteSection.overview.path
        var body = "<p>Catalog revision <b>\(content.catalogRevision)</b>"
            + (content.revisionDate.map { ", made \(HTML.escape(Self.day($0)))" } ?? "")
            + (content.team.map { ". Apps of team <b>\(HTML.escape($0))</b> only" } ?? "") + ".</p>"
        body += counts()
        body += "<h2>What changed in revision \(content.catalogRevision)</h2>" + changes()
        body += "<h2>Due for regeneration</h2>" + stale(from: path)
        body += "<h2>Model lifecycle</h2>" + lifecycle(from: path)
        return SitePage(path: path, title: content.team.map { "Team \($0)" } ?? "Catalog report",
                        section: .overview, body: body)
    }

    private func counts() -> String {
        let apps = content.apps
        let deployed = Set(apps.flatMap(\.spec.regions))
        let served = Set(apps.flatMap { $0.routes.flatMap(\.toRegions) })
        let cards: [(Int, String, String)] = [
            (apps.count, "app", "apps"), (Set(apps.map(\.spec.team)).count, "team", "teams"),
            (Set(apps.map(\.spec.pattern)).count, "pattern", "patterns"),
            (Set(apps.compactMap(\.model)).count, "model in use", "models in use"),
            (deployed.count, "Region deployed in", "Regions deployed in"),
            (served.count, "Region served in", "Regions served in"),
        ]
        var money = [(MoneyText.dollars(CostsPage.sum(apps.map { $0.estimate?.monthlyTotal })), "estimated a month")]
        if let costs = content.costs {
            let actual = content.team == nil ? costs.byApp.total : apps.reduce(Decimal(0)) { $0 + ($1.actual ?? 0) }
            money.append((MoneyText.dollars(actual), "actual in \(HTML.escape(costs.month))"))
        }
        return "<ul class=\"cards\">" + cards.map { count, one, many in
            "<li><b>\(HTML.grouped(count))</b>\(count == 1 ? one : many)</li>"
        }.joined() + money.map { "<li><b>\($0.0)</b>\($0.1)</li>" }.joined() + "</ul>"
    }

    private func changes() -> String {
        let changes = content.latestChanges
        guard let first = changes.first else { return "<p class=\"muted\">The catalog has no revision yet.</p>" }
        func table(_ entries: ArraySlice<CatalogLogEntry>) -> String {
            HTML.table(head: ["Subject", "Change"], rows: entries.map { [HTML.code($0.subject), HTML.escape($0.summary)] })
        }
        var html = "<p>\(HTML.count(changes.count, "change")), by <code>\(HTML.escape(first.origin))</code>.</p>"
            + table(changes.prefix(Self.shownChanges))
        if changes.count > Self.shownChanges {
            let folded = changes.dropFirst(Self.shownChanges).prefix(Self.foldedChanges)
            html += "<details><summary>The next \(HTML.count(folded.count, "change"))</summary>" + table(folded) + "</details>"
        }
        if changes.count > Self.shownChanges + Self.foldedChanges {
            html += "<p class=\"muted\">And \(HTML.count(changes.count - Self.shownChanges - Self.foldedChanges, "more change")): "
                + "<code>deploycat catalog log</code> lists them all.</p>"
        }
        return html
    }

    private func stale(from path: String) -> String {
        guard !content.stale.isEmpty else {
            return "<p>Every current template is up to date with the catalog and its spec.</p>"
        }
        let apps = Set(content.stale.map(\.app)).count
        var html = "<p>\(HTML.count(content.stale.count, "template")) of \(HTML.count(apps, "app")) would change: "
            + "run <code>deploycat regenerate</code> (<code>--dry-run</code> shows the differences).</p>"
        html += HTML.table(head: ["App", "Region", "Why"], rows: content.stale.prefix(Self.shownStale).map { stale in
            [HTML.link(stale.app, to: SitePage.href(SitePaths.app(stale.app), from: path)), HTML.escape(stale.region),
             stale.reasons.map(HTML.escape).joined(separator: "<br>")]
        })
        if content.stale.count > Self.shownStale {
            html += "<p class=\"muted\">And \(HTML.count(content.stale.count - Self.shownStale, "more template")).</p>"
        }
        return html
    }

    /// Models in use that are LEGACY or have a LEGACY or end-of-life date, soonest end first.
    private func lifecycle(from path: String) -> String {
        let users = Dictionary(grouping: content.apps.filter { $0.spec.modelId != nil }, by: { $0.spec.modelId ?? "" })
        let notable = users.keys.compactMap { content.catalog.models[$0] }
            .map { LifecycleBadge(model: $0, asOf: content.asOf) }.filter(\.isNotable)
            .sorted { ($0.daysToEndOfLife ?? Int.max, $0.model.id) < ($1.daysToEndOfLife ?? Int.max, $1.model.id) }
        guard !notable.isEmpty else {
            return "<p>No model in use is LEGACY or has an end-of-life date (as of \(content.asOf)).</p>"
        }
        return "<p>As of \(content.asOf).</p>" + HTML.table(head: ["Model", "Lifecycle", "Apps"], rows: notable.map { badge in
            let apps = (users[badge.model.id] ?? []).map(\.name).sorted()
            let model = SitePage.href(SitePaths.model(badge.model.id), from: path)
            let names = apps.prefix(Self.shownApps).map { HTML.link($0, to: SitePage.href(SitePaths.app($0), from: path)) }
            let more = apps.count > Self.shownApps ? [HTML.link("and \(HTML.grouped(apps.count - Self.shownApps)) more", to: model)] : []
            return [HTML.link(badge.model.id, to: model), badge.html(), (names + more).joined(separator: ", ")]
        })
    }

    /// `2026-11-20T14:03:00Z` -> `2026-11-20 14:03 UTC`.
    static func day(_ timestamp: String) -> String {
        guard timestamp.count >= 16 else { return timestamp }
        return timestamp.prefix(10) + " " + timestamp.dropFirst(11).prefix(5) + " UTC"
    }
}
