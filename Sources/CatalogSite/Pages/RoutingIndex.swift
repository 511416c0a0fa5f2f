import CatalogService

/// The routing map's numbers: each diagram line (a geography's route from one Region to another)
/// and each residency row (a Region and the profile apps may be served there through), numbered
/// in sorted order, with the apps that use each. The page and its filter's data both read it.
struct RoutingIndex {
    /// A line of a geography's diagram: requests made in `from` served in `to`.
    struct Edge: Hashable, Comparable {
        var geography: String
        var from: String
        var to: String
        static func < (a: Edge, b: Edge) -> Bool { (a.geography, a.from, a.to) < (b.geography, b.from, b.to) }
    }

    /// A row of the residency table: apps served in `region` through `profile` (`""`: in the Region itself).
    struct Row: Hashable, Comparable {
        var region: String
        var profile: String
        static func < (a: Row, b: Row) -> Bool { (a.region, a.profile) < (b.region, b.profile) }
    }

    private(set) var edges: [Edge] = []
    private(set) var rows: [Row] = []
    /// Per edge and per row, the apps that use it, by name.
    private(set) var edgeApps: [[String]] = []
    private(set) var rowApps: [[String]] = []
    /// Per app, the edges and rows it uses, by index.
    private(set) var appEdges: [String: [Int]] = [:]
    private(set) var appRows: [String: [Int]] = [:]

    init(_ apps: [SiteContent.App]) {
        var edgeSets: [String: Set<Edge>] = [:], rowSets: [String: Set<Row>] = [:]
        for app in apps {
            for route in app.routes {
                for region in route.toRegions {
                    rowSets[app.name, default: []].insert(Row(region: region, profile: route.profile ?? ""))
                    if let geography = route.geography, region != route.fromRegion {
                        edgeSets[app.name, default: []].insert(Edge(geography: geography, from: route.fromRegion, to: region))
                    }
                }
            }
        }
        edges = Set(edgeSets.values.joined()).sorted()
        rows = Set(rowSets.values.joined()).sorted()
        let edgeIndex = Dictionary(uniqueKeysWithValues: edges.enumerated().map { ($0.element, $0.offset) })
        let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($0.element, $0.offset) })
        edgeApps = Array(repeating: [], count: edges.count)
        rowApps = Array(repeating: [], count: rows.count)
        for app in apps {
            let mine = (edgeSets[app.name] ?? []).compactMap { edgeIndex[$0] }.sorted()
            let served = (rowSets[app.name] ?? []).compactMap { rowIndex[$0] }.sorted()
            appEdges[app.name] = mine
            appRows[app.name] = served
            for edge in mine { edgeApps[edge].append(app.name) }
            for row in served { rowApps[row].append(app.name) }
        }
    }
}
