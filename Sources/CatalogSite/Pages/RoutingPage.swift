import CatalogModel
import CatalogService

/// `routing.html`: per geography apps route through, its Regions and the routes their requests
/// may take, with a filter by app, team, model and geography (a script; without it every route
/// shows); then the residency table: per Region, through which profiles apps may be served
/// there, each Region's apps on pages of their own (`RegionPages`).
struct RoutingPage {
    var content: SiteContent
    /// App names a residency row shows; the Region's page lists them all.
    static let namesShown = 5

    func page() -> SitePage {
        let path = SiteSection.routing.path
        let geographies = content.catalog.geographies.values.sorted { $0.prefix < $1.prefix }
        let index = RoutingIndex(content.apps)
        let routed = Set(index.edges.map(\.geography))
        var body = "<p>Where the apps' requests may be processed. Each diagram is one geography's Regions; a line runs "
            + "from a Region apps call from (filled dot) to a Region a system-defined profile may serve them in, wider "
            + "for more apps. Requests served in the Region they are made in draw no line; the residency table below "
            + "lists them too. A Region's dot opens the list of its apps.</p>"
        body += filters(geographies)
        body += "<p id=\"no-match\" hidden>No app matches the filter.</p><div class=\"map-grid\">"
        for (number, geography) in geographies.enumerated() where routed.contains(geography.prefix) {
            let mine = index.edges.enumerated().filter { $0.element.geography == geography.prefix }
            let diagram = RoutingDiagram(
                prefix: geography.prefix, name: geography.name, regions: regions(of: geography),
                edges: mine.map { .init(index: $0.offset, from: $0.element.from, to: $0.element.to, apps: index.edgeApps[$0.offset].count) },
                regionPage: { SitePage.href(SitePaths.region($0), from: path) })
            let apps = Set(mine.flatMap { index.edgeApps[$0.offset] }).count
            body += "<figure data-geo=\"\(number)\"><figcaption>\(HTML.escape(geography.prefix)): \(HTML.escape(geography.name))</figcaption>"
                + "<p class=\"muted\">\(HTML.count(diagram.regions.count, "Region")); <span data-g=\"\(number)\">"
                + Self.routeCount(apps) + "</span></p>" + diagram.svg() + "</figure>"
        }
        body += "</div>"
        let unrouted = geographies.filter { !routed.contains($0.prefix) }
        if !unrouted.isEmpty {
            body += "<p>No app routes through " + unrouted.map { geography in
                "<b>\(HTML.escape(geography.prefix))</b> (\(HTML.escape(geography.name)): "
                    + regions(of: geography).map { HTML.link($0, to: SitePage.href(SitePaths.region($0), from: path)) }.joined(separator: ", ") + ")"
            }.joined(separator: "; ") + ".</p>"
        }
        body += "<h2 id=\"residency\">Residency: who may be served where</h2>"
        body += HTML.table(head: ["Served in", "Through", "Apps", "Which"], rows: index.rows.enumerated().map { number, row in
            let apps = index.rowApps[number]
            let names = apps.prefix(Self.namesShown).map { HTML.link($0, to: SitePage.href(SitePaths.app($0), from: path)) }
            let more = apps.count > Self.namesShown
                ? " " + HTML.link("and \(HTML.grouped(apps.count - Self.namesShown)) more", to: SitePage.href(SitePaths.region(row.region), from: path)) : ""
            return [HTML.link(row.region, to: SitePage.href(SitePaths.region(row.region), from: path)),
                    row.profile.isEmpty ? "the Region itself" : HTML.code(row.profile),
                    "<span data-c=\"\(number)\">\(HTML.grouped(apps.count))</span>",
                    "<span data-n=\"\(number)\">" + names.joined(separator: ", ") + more + "</span>"]
        }, numeric: [2])
        body += "<script type=\"application/json\" id=\"route-data\">\(routeData(index, geographies: geographies))</script>"
        return SitePage(path: path, title: "Routing map", section: .routing, body: body, script: SiteScript.routingFilter)
    }

    /// `1 app routes through it`, `3 apps route through it`; the filter writes the same words.
    static func routeCount(_ apps: Int) -> String {
        apps == 1 ? "1 app routes through it" : "\(HTML.grouped(apps)) apps route through it"
    }

    /// A geography's Regions: its sources and destinations (every commercial Region with Bedrock
    /// in its partition for a global one).
    private func regions(of geography: Geography) -> [String] {
        var regions = Set(geography.sourceRegions).union(geography.destinationRegions)
        if geography.scope == .allCommercialRegions {
            regions.formUnion(content.catalog.bedrockRegions(inPartition: geography.partition))
        }
        return regions.sorted()
    }

    /// The filter form, hidden until the script shows it.
    private func filters(_ geographies: [Geography]) -> String {
        func options(_ values: [String]) -> String {
            "<option value=\"\">all</option>" + values.map { "<option>\(HTML.escape($0))</option>" }.joined()
        }
        let geographyOptions = "<option value=\"\">all</option>" + geographies.enumerated().map {
            "<option value=\"\($0.offset)\">\(HTML.escape($0.element.prefix)) (\(HTML.escape($0.element.name)))</option>"
        }.joined()
        return "<noscript><p class=\"muted\">Filtering needs JavaScript; every route is shown.</p></noscript>"
            + "<form id=\"filters\" class=\"filters\" hidden>"
            + "<label>App name contains<input name=\"app\" type=\"search\" autocomplete=\"off\"></label>"
            + "<label>Team<select name=\"team\">\(options(Set(content.apps.map(\.spec.team)).sorted()))</select></label>"
            + "<label>Model<select name=\"model\">\(options(Set(content.apps.compactMap(\.model)).sorted()))</select></label>"
            + "<label>Served in geography<select name=\"geo\">\(geographyOptions)</select></label>"
            + "<output id=\"match-count\" aria-live=\"polite\"></output></form>"
    }

    /// What the filter script reads: teams and models by index; per app its name, team, model,
    /// lines and residency rows; per line its geography; per geography the residency rows in its Regions.
    private func routeData(_ index: RoutingIndex, geographies: [Geography]) -> String {
        let teams = Set(content.apps.map(\.spec.team)).sorted(), models = Set(content.apps.compactMap(\.model)).sorted()
        let teamIndex = Dictionary(uniqueKeysWithValues: teams.enumerated().map { ($0.element, $0.offset) })
        let modelIndex = Dictionary(uniqueKeysWithValues: models.enumerated().map { ($0.element, $0.offset) })
        let geographyIndex = Dictionary(uniqueKeysWithValues: geographies.enumerated().map { ($0.element.prefix, $0.offset) })
        func list(_ numbers: [Int]) -> String { "[" + numbers.map(String.init).joined(separator: ",") + "]" }
        let geographyRows = geographies.map { geography in
            let inside = Set(regions(of: geography))
            return list(index.rows.enumerated().filter { inside.contains($0.element.region) }.map(\.offset))
        }
        var json = "{\"teams\":[" + teams.map(JSONText.string).joined(separator: ",") + "],\"models\":["
            + models.map(JSONText.string).joined(separator: ",") + "],\"edges\":"
            + list(index.edges.map { geographyIndex[$0.geography] ?? -1 }) + ",\"geoRows\":[" + geographyRows.joined(separator: ",")
            + "],\"shown\":\(Self.namesShown),\"apps\":["
        json += content.apps.map { app in
            "[" + JSONText.string(app.name) + ",\(teamIndex[app.spec.team] ?? -1),\(app.model.flatMap { modelIndex[$0] } ?? -1),"
                + list(index.appEdges[app.name] ?? []) + "," + list(index.appRows[app.name] ?? []) + "]"
        }.joined(separator: ",")
        return json + "]}"
    }
}
