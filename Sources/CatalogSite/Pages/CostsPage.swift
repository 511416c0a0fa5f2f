import CatalogModel
import CatalogService
import Foundation

/// `costs.html`: estimated against actual cost per team, model, cost tag value and month, each
/// a bar chart with its table. The actual numbers are `cost report`'s (the same rows and
/// totals); without billing exports, the estimates alone.
struct CostsPage {
    var content: SiteContent

    func page() -> SitePage {
        let path = SiteSection.costs.path
        var body: String
        if let costs = content.costs {
            body = "<p>Actual cost in <b>\(HTML.escape(costs.month))</b>\(costs.latestMonth ? " (the latest month imported)" : "")"
                + " from imported billing exports, beside each group's monthly estimate from its apps' specs. "
                + (content.team == nil ? "Cost no app accounts for is a bar of its own.</p>"
                    : "For one team, each group adds up its apps' actual costs (all of each app's billed resources).</p>")
        } else {
            body = "<p>No billing exports imported yet, so these are the monthly estimates from the apps' specs and catalog "
                + "prices only. <code>deploycat cost import FILE</code> adds actual costs.</p>"
        }
        let estimated = content.apps.filter { $0.estimate?.monthlyTotal != nil }.count
        body += "<p class=\"muted\">\(HTML.count(estimated, "app")) of \(HTML.grouped(content.apps.count)) have an estimate; the "
            + "others give no usage in their specs or call no catalog Bedrock model with a price.</p>"
        for chart in charts(from: path) { body += "<h2>\(HTML.escape(chart.title))</h2>" + chart.html() }
        if content.team == nil, let costs = content.costs { body += months(costs) }
        return SitePage(path: path, title: "Costs", section: .costs, body: body)
    }

    private func charts(from path: String) -> [BarChart] {
        let shows = content.costs != nil
        if content.team == nil, let costs = content.costs {
            // A model's estimate is its apps' (billed or not); its actual cost the report's rows'.
            let estimates = Dictionary(grouping: content.apps.filter { $0.estimate?.monthlyTotal != nil }) { $0.estimate?.model ?? "" }
            let sections = Set(content.apps.compactMap(\.model))
            let byModel = Dictionary(grouping: costs.byModel.rows, by: \.value).sorted { $0.key < $1.key }.map { model, rows in
                BarChart.Row(label: model, href: sections.contains(model) ? SitePage.href(SitePaths.model(model), from: path) : nil,
                             estimate: Self.sum((estimates[model] ?? []).map { $0.estimate?.monthlyTotal }),
                             actual: rows.reduce(Decimal(0)) { $0 + $1.actual })
            }
            return [
                chart("By team", group: "Team", report: costs.byTeam, rest: "unattributed", adding({ $0.spec.team }, to: costs.byTeam.rows.map {
                    BarChart.Row(label: $0.value, estimate: $0.estimate, actual: $0.actual)
                })),
                chart("By model", group: "Model", report: costs.byModel, rest: "other services",
                      adding({ $0.estimate?.model }, to: byModel), restAmount: costs.byModel.otherServices ?? 0),
            ] + zip(content.costTagKeys, costs.byTag).map { key, report in
                chart("By tag \(report.by)", group: report.by, report: report, rest: "unattributed",
                      adding({ $0.tags[key]?.value ?? CostService.noValueLabel }, to: report.rows.map {
                          BarChart.Row(label: $0.value, estimate: $0.estimate, actual: $0.actual)
                      }))
            }
        }
        // One team's groups, or estimates alone: sums over the apps.
        let team: [BarChart] = content.team == nil
            ? [grouped("By team", group: "Team", shows: shows) { $0.spec.team }]
            : [grouped("By app", group: "App", shows: shows, link: { SitePage.href(SitePaths.app($0), from: path) }) { $0.name }]
        return team + [grouped("By model", group: "Model", shows: shows) { $0.model ?? "(no model)" }]
            + content.costTagKeys.map { key in
                grouped("By tag \(key)", group: key, shows: shows) { $0.tags[key]?.value ?? CostService.noValueLabel }
            }
    }

    /// `rows` of a `cost report`, with a row of no actual cost for each group of apps `key` finds
    /// that has an estimate but no billed cost yet (the report lists only what was billed).
    private func adding(_ key: (SiteContent.App) -> String?, to rows: [BarChart.Row]) -> [BarChart.Row] {
        let shown = Set(rows.map(\.label))
        let missing = Dictionary(grouping: content.apps.filter { $0.estimate?.monthlyTotal != nil }) { key($0) ?? "" }
            .filter { !$0.key.isEmpty && !shown.contains($0.key) }
            .map { BarChart.Row(label: $0.key, estimate: Self.sum($0.value.map { $0.estimate?.monthlyTotal }), actual: 0) }
        return (rows + missing).sorted { $0.label < $1.label }
    }

    /// A chart of a `cost report`'s rows with its rest (unattributed, other services) as a bar of its own.
    private func chart(
        _ title: String, group: String, report: CostReport, rest: String, _ rows: [BarChart.Row], restAmount: Decimal? = nil
    ) -> BarChart {
        let amount = restAmount ?? report.unattributed
        let restRow = amount == 0 ? [] : [BarChart.Row(label: "(\(rest))", estimate: nil, actual: amount, isRest: true)]
        return BarChart(title: title, groupName: group, rows: rows + restRow, showsEstimate: true, showsActual: true,
                        actualTotal: report.total)
    }

    /// A chart of the apps grouped by `key`: each group's summed estimate and actual cost.
    private func grouped(
        _ title: String, group: String, shows actual: Bool, link: ((String) -> String)? = nil, key: (SiteContent.App) -> String
    ) -> BarChart {
        let groups = Dictionary(grouping: content.apps, by: key).sorted { $0.key < $1.key }
        return BarChart(title: title, groupName: group, rows: groups.map { value, apps in
            BarChart.Row(label: value, href: link?(value), estimate: Self.sum(apps.map { $0.estimate?.monthlyTotal }),
                         actual: actual ? apps.reduce(Decimal(0)) { $0 + ($1.actual ?? 0) } : nil)
        }, showsEstimate: true, showsActual: actual)
    }

    /// Every imported month's actual cost beside this month's estimate.
    private func months(_ costs: SiteContent.Costs) -> String {
        let estimate = Self.sum(content.apps.map { $0.estimate?.monthlyTotal })
        let chart = BarChart(title: "By month", groupName: "Month", rows: costs.months.map {
            BarChart.Row(label: $0.month, estimate: estimate, actual: $0.total)
        }, showsEstimate: true, showsActual: true)
        return "<h2>By month</h2><p class=\"muted\">Each month's actual cost beside today's monthly estimate.</p>" + chart.html()
            + HTML.table(caption: "Attributed and unattributed cost per month", head: ["Month", "Apps", "No app", "Total"],
                         rows: costs.months.map { [HTML.escape($0.month), MoneyText.dollars($0.attributed),
                                                   MoneyText.dollars($0.unattributed), MoneyText.dollars($0.total)] },
                         numeric: [1, 2, 3])
    }

    /// The sum of the known amounts; `nil` when none is known.
    static func sum(_ amounts: [Decimal?]) -> Decimal? {
        let known = amounts.compactMap { $0 }
        return known.isEmpty ? nil : known.reduce(0, +)
    }
}
