import CatalogModel
import CatalogService

/// `routing.html`: per geography, its Regions and the routes apps' requests may take, with a
/// filter by app, team, model and geography (a script; without it every route shows); then
/// the residency table: per Region, through which profiles apps may be served there, each
/// Region's apps on pages of their own (`RegionPages`).
struct RoutingPage {
    var content: SiteContent

    /// A line of a geography's diagram: requests made in `from` served in `to`.
    struct EdgeKey: Hashable, Comparable {
        var geography: String
        var from: String
        var to: String
        static func < (a: EdgeKey, b: EdgeKey) -> Bool { (a.geography, a.from, a.to) < (b.geography, b.from, b.to) }
    }

    /// A row of the residency table: apps served in `region` through `profile` (`""`: in the Region itself).
    struct ResidencyKey: Hashable, Comparable {
        var region: String
        var profile: String
        static func < (a: ResidencyKey, b: ResidencyKey) -> Bool { (a.region, a.profile) < (b.region, b.profile) }
    }

    func page() -> SitePage {
        let path = SiteSection.routing.path
        let geographies = content.catalog.geographies.values.sorted { $0.prefix < $1.prefix }
        let geographyIndex = Dictionary(uniqueKeysWithValues: geographies.enumerated().map { ($0.element.prefix, $0.offset) })
        // Each app's lines and residency rows, then every distinct one numbered in sorted order.
        var appEdges: [String: Set<EdgeKey>] = [:], appRows: [String: Set<ResidencyKey>] = [:]
        for app in content.apps {
            for route in app.routes {
                for region in route.toRegions {
                    appRows[app.name, default: []].insert(ResidencyKey(region: region, profile: route.profile ?? ""))
                    if let geography = route.geography, region != route.fromRegion {
                        appEdges[app.name, default: []].insert(EdgeKey(geography: geography, from: route.fromRegion, to: region))
                    }
                }
            }
        }
        let edges = Set(appEdges.values.joined()).sorted(), rows = Set(appRows.values.joined()).sorted()
        let edgeIndex = Dictionary(uniqueKeysWithValues: edges.enumerated().map { ($0.element, $0.offset) })
        let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($0.element, $0.offset) })
        var edgeApps = [Int](repeating: 0, count: edges.count), rowApps = [Int](repeating: 0, count: rows.count)
        for keys in appEdges.values { for key in keys { edgeApps[edgeIndex[key]!] += 1 } }
        for keys in appRows.values { for key in keys { rowApps[rowIndex[key]!] += 1 } }

        var body = "<p>Where the apps' requests may be processed. Each diagram is one geography's Regions; a line runs "
            + "from a Region apps call from (filled dot) to a Region a system-defined profile may serve them in, wider "
            + "for more apps. Requests served in the Region they are made in draw no line; the residency table lists them.</p>"
        body += filters(geographies)
        body += "<div class=\"map-grid\">"
        // Geographies apps route through first, then the others, each by prefix.
        let routed = Set(edges.map(\.geography))
        let shown = geographies.enumerated().filter { routed.contains($0.element.prefix) }
            + geographies.enumerated().filter { !routed.contains($0.element.prefix) }
        for (index, geography) in shown {
            let mine = edges.enumerated().filter { $0.element.geography == geography.prefix }
            let diagram = RoutingDiagram(
                prefix: geography.prefix, name: geography.name, regions: regions(of: geography),
                edges: mine.map { RoutingDiagram.Edge(index: $0.offset, from: $0.element.from, to: $0.element.to, apps: edgeApps[$0.offset]) })
            let apps = Set(appEdges.filter { $0.value.contains { $0.geography == geography.prefix } }.keys).count
            body += "<figure data-geo=\"\(index)\"><figcaption>\(HTML.escape(geography.prefix)): \(HTML.escape(geography.name))</figcaption>"
                + "<p class=\"muted\">\(HTML.count(diagram.regions.count, "Region")); \(apps == 0 ? "no app routes through it" : HTML.count(apps, "app") + " route through it")</p>"
                + diagram.svg() + "</figure>"
        }
        body += "</div>"
        body += "<h2>Residency: who may be served where</h2>"
        body += HTML.table(head: ["Served in", "Through", "Apps"], rows: rows.enumerated().map { index, key in
            [HTML.link(key.region, to: SitePage.href(SitePaths.region(key.region), from: path)),
             key.profile.isEmpty ? "the Region itself" : HTML.code(key.profile),
             "<span data-c=\"\(index)\">\(HTML.grouped(rowApps[index]))</span>"]
        }, numeric: [2], id: "residency")
        let data = routeData(edges: edges, geographyIndex: geographyIndex, appEdges: appEdges, edgeIndex: edgeIndex,
                             appRows: appRows, rowIndex: rowIndex)
        body += "<script type=\"application/json\" id=\"route-data\">\(data)</script>"
        return SitePage(path: path, title: "Routing map", section: .routing, body: body, script: SiteScript.routingFilter)
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
            "<option value=\"\($0.offset)\">\(HTML.escape($0.element.prefix))</option>"
        }.joined()
        return "<noscript><p class=\"muted\">Filtering needs JavaScript; every route is shown.</p></noscript>"
            + "<form id=\"filters\" class=\"filters\" hidden>"
            + "<label>App name contains<input name=\"app\" type=\"search\" autocomplete=\"off\"></label>"
            + "<label>Team<select name=\"team\">\(options(Set(content.apps.map(\.spec.team)).sorted()))</select></label>"
            + "<label>Model<select name=\"model\">\(options(Set(content.apps.compactMap(\.model)).sorted()))</select></label>"
            + "<label>Geography<select name=\"geo\">\(geographyOptions)</select></label>"
            + "<output id=\"match-count\" aria-live=\"polite\"></output></form>"
    }

    /// What the filter script reads: teams and models by index; per app its name, team, model,
    /// geographies, lines and residency rows; per line its geography.
    private func routeData(
        edges: [EdgeKey], geographyIndex: [String: Int], appEdges: [String: Set<EdgeKey>], edgeIndex: [EdgeKey: Int],
        appRows: [String: Set<ResidencyKey>], rowIndex: [ResidencyKey: Int]
    ) -> String {
        let teams = Set(content.apps.map(\.spec.team)).sorted(), models = Set(content.apps.compactMap(\.model)).sorted()
        let teamIndex = Dictionary(uniqueKeysWithValues: teams.enumerated().map { ($0.element, $0.offset) })
        let modelIndex = Dictionary(uniqueKeysWithValues: models.enumerated().map { ($0.element, $0.offset) })
        func list(_ numbers: [Int]) -> String { "[" + numbers.map(String.init).joined(separator: ",") + "]" }
        var json = "{\"teams\":[" + teams.map(JSONText.string).joined(separator: ",") + "],\"models\":["
            + models.map(JSONText.string).joined(separator: ",") + "],\"edges\":"
            + list(edges.map { geographyIndex[$0.geography] ?? -1 }) + ",\"apps\":["
        json += content.apps.map { app in
            let mine = appEdges[app.name] ?? []
            let geographies = Set(app.routes.compactMap(\.geography)).compactMap { geographyIndex[$0] }.sorted()
            return "[" + JSONText.string(app.name) + ",\(teamIndex[app.spec.team] ?? -1),\(app.model.flatMap { modelIndex[$0] } ?? -1),"
                + list(geographies) + "," + list(mine.compactMap { edgeIndex[$0] }.sorted()) + ","
                + list((appRows[app.name] ?? []).compactMap { rowIndex[$0] }.sorted()) + "]"
        }.joined(separator: ",")
        return json + "]}"
    }
}
