import Foundation

/// One geography's Regions on a circle, with a line from each Region apps call from to each
/// Region their requests may be served in, as wide as the log of how many apps route that way.
/// Each line carries an index (`data-e`) the routing page's filter uses; each Region links to its page.
struct RoutingDiagram {
    struct Edge {
        /// The index in the page's list of edges.
        var index: Int
        var from: String
        var to: String
        var apps: Int
    }

    var prefix: String
    var name: String
    /// The geography's Regions, sorted.
    var regions: [String]
    var edges: [Edge]
    /// A Region's page, relative to the page the diagram is on.
    var regionPage: (String) -> String

    static let size = 430.0, radius = 110.0

    func svg() -> String {
        let center = Self.size / 2
        var places: [String: (x: Double, y: Double, angle: Double)] = [:]
        for (index, region) in regions.enumerated() {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(1, regions.count))
            places[region] = (center + Self.radius * cos(angle), center + Self.radius * sin(angle), angle)
        }
        let callers = Set(edges.map(\.from))
        let marker = "arrow-" + SitePaths.fileName(prefix)
        var svg = "<svg viewBox=\"0 0 \(Int(Self.size)) \(Int(Self.size))\" width=\"\(Int(Self.size))\" height=\"\(Int(Self.size))\""
            + " role=\"img\" aria-label=\"Routes through \(HTML.escape(name)) profiles: \(HTML.count(edges.count, "route"))\">"
        svg += "<defs><marker id=\"\(marker)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" "
            + "markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"\(SitePalette.route)\"/></marker></defs>"
        for edge in edges {
            guard let from = places[edge.from], let to = places[edge.to] else { continue }
            // A curve bending to its right, so that the lines both ways between two Regions part;
            // it stops short of the destination's dot, so the arrowhead shows.
            let dx = to.x - from.x, dy = to.y - from.y
            let control = (x: (from.x + to.x) / 2 - dy * 0.15, y: (from.y + to.y) / 2 + dx * 0.15)
            let tx = to.x - control.x, ty = to.y - control.y, length = max(1, (tx * tx + ty * ty).squareRoot())
            let end = (x: to.x - tx / length * 7, y: to.y - ty / length * 7)
            svg += "<path class=\"edge\" data-e=\"\(edge.index)\" d=\"M\(Self.number(from.x)) \(Self.number(from.y)) "
                + "Q\(Self.number(control.x)) \(Self.number(control.y)) \(Self.number(end.x)) \(Self.number(end.y))\" "
                + "fill=\"none\" stroke=\"\(SitePalette.route)\" stroke-opacity=\"0.75\" "
                + "stroke-width=\"\(Self.number(Self.strokeWidth(apps: edge.apps)))\" marker-end=\"url(#\(marker))\">"
                + "<title>\(HTML.escape(edge.from)) → \(HTML.escape(edge.to)): \(HTML.count(edge.apps, "app"))</title></path>"
        }
        for region in regions {
            guard let place = places[region] else { continue }
            let calls = callers.contains(region)
            svg += "<a href=\"\(HTML.escape(regionPage(region)))\"><circle cx=\"\(Self.number(place.x))\" cy=\"\(Self.number(place.y))\" "
                + "r=\"\(calls ? 6 : 4.5)\" fill=\"\(calls ? SitePalette.deployed : SitePalette.paper)\" stroke=\"\(SitePalette.region)\" "
                + "stroke-width=\"1.5\"><title>\(HTML.escape(region))\(calls ? ": apps call from here" : "")</title></circle>"
            // Labels point away from the centre, read left to right on either side.
            let labelX = place.x + 10 * cos(place.angle), labelY = place.y + 10 * sin(place.angle)
            let right = cos(place.angle) >= -1e-9
            let degrees = place.angle * 180 / .pi + (right ? 0 : 180)
            svg += "<text x=\"\(Self.number(labelX))\" y=\"\(Self.number(labelY))\" dy=\"4\" text-anchor=\"\(right ? "start" : "end")\" "
                + "font-size=\"12\" transform=\"rotate(\(Self.number(degrees)) \(Self.number(labelX)) \(Self.number(labelY)))\">"
                + "\(HTML.escape(region))</text></a>"
        }
        return svg + "</svg>"
    }

    /// 1.5 px for one app, growing with the log of the count, at most 8.
    static func strokeWidth(apps: Int) -> Double {
        min(8, 1.5 + log2(Double(max(1, apps))))
    }

    /// Coordinates with one decimal: enough for the eye, and the same text on every machine.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : "", magnitude = abs(tenths)
        return sign + (magnitude % 10 == 0 ? "\(magnitude / 10)" : "\(magnitude / 10).\(magnitude % 10)")
    }
}
