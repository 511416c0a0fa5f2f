import CatalogModel
import CatalogService

/// `regions/<code>.html`: the apps whose requests may be served in one Region, from which
/// Region and through which profile: the residency answer for one Region, in pages.
struct RegionPages {
    var content: SiteContent
    static let perPage = 1_000

    struct Entry {
        var app: SiteContent.App
        var route: SiteContent.Route
    }

    func pages() -> [SitePage] {
        var served: [String: [Entry]] = [:]
        for app in content.apps {
            for route in app.routes {
                for region in route.toRegions { served[region, default: []].append(Entry(app: app, route: route)) }
            }
        }
        // Every Region the catalog knows, and every one an app is deployed in, has a page (the
        // routing map's dots and the app pages link there), even with no route yet.
        for region in Set(content.apps.flatMap(\.spec.regions)).union(content.catalog.regions.keys) where served[region] == nil {
            served[region] = []
        }
        struct Part: Sendable {
            var region: String
            var entries: [Entry]
            var page: Int, of: Int, total: Int
        }
        let parts = served.keys.sorted().flatMap { region in
            let split = Paginated(served[region] ?? [], perPage: Self.perPage)
            return split.pages.enumerated().map { index, entries in
                Part(region: region, entries: Array(entries), page: index + 1, of: split.pages.count,
                     total: served[region]?.count ?? 0)
            }
        }
        // Tens of thousands of rows in a large catalog: the pages are made over all cores.
        return Parallel.map(parts) { page($0.region, entries: $0.entries, page: $0.page, of: $0.of, total: $0.total) }
    }

    private func page(_ region: String, entries: [Entry], page: Int, of count: Int, total: Int) -> SitePage {
        let path = SitePaths.region(region, page: page)
        let name = content.catalog.regions[region]?.name
        let pager = Paginated<Entry>.pager(pages: count, current: page, from: path) { SitePaths.region(region, page: $0) }
        var body = "<p>" + (name.map { HTML.escape($0) + ". " } ?? "")
            + (total == 0 ? "No current template routes requests here yet."
                : "\(HTML.count(total, "route")) of apps whose requests may be processed here" + (count > 1 ? "; page \(page) of \(count)" : "") + ".")
            + " " + HTML.link("All Regions", to: SitePage.href(SiteSection.routing.path, from: path) + "#residency") + "</p>" + pager
        if !entries.isEmpty {
            body += HTML.table(head: ["App", "Team", "Called from", "Through", "Model"], rows: entries.map { entry in
                [HTML.link(entry.app.name, to: SitePage.href(SitePaths.app(entry.app.name), from: path)), HTML.escape(entry.app.spec.team),
                 HTML.escape(entry.route.fromRegion), entry.route.profile.map(HTML.code) ?? "the Region itself",
                 entry.app.model.map { HTML.link($0, to: SitePage.href(SitePaths.model($0), from: path)) } ?? "-"]
            })
        }
        return SitePage(path: path, title: "Served in \(region)" + (count > 1 ? " (page \(page) of \(count))" : ""),
                        section: .routing, body: body + pager)
    }
}
