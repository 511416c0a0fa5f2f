/// One file the report writes, its path relative to the site's folder.
public struct SiteFile: Hashable, Sendable {
    public var path: String
    public var text: String
}

/// The report's sections, in the order the navigation bar lists them.
enum SiteSection: CaseIterable {
    case overview, routing, models, apps, costs

    var title: String {
        switch self {
        case .overview: "Overview"
        case .routing: "Routing map"
        case .models: "Models"
        case .apps: "Apps"
        case .costs: "Costs"
        }
    }

    /// The section's first page.
    var path: String {
        switch self {
        case .overview: "index.html"
        case .routing: "routing.html"
        case .models: "models.html"
        case .apps: "apps/index.html"
        case .costs: "costs.html"
        }
    }
}

/// A page of the report: its place, title and main content; `file(in:)` wraps it in the
/// document every page shares (head, inline style, navigation bar, footer).
struct SitePage {
    var path: String
    var title: String
    var section: SiteSection
    /// The markup inside `<main>`, after the page's heading.
    var body: String
    /// A script of the page's own; the page must work without it.
    var script: String?

    /// The relative link from this page to `target` (a path from the site's root).
    func href(_ target: String) -> String {
        SitePage.href(target, from: path)
    }

    static func href(_ target: String, from path: String) -> String {
        // One `../` per folder the page is in: the path's non-empty parts less one (its name).
        var parts = 0, inPart = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                inPart = false
            } else if !inPart {
                inPart = true
                parts += 1
            }
        }
        return String(repeating: "../", count: parts - 1) + target
    }

    func file(in site: SiteHeader) -> SiteFile {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="deploycat">
            <title>\(HTML.escape(title)) · \(HTML.escape(site.name))</title>
            <style>\(SiteStyle.css)</style>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header><nav aria-label="Report sections"><span class="brand">\(HTML.escape(site.name))</span><ul>
            """
        for item in SiteSection.allCases {
            let current = item == section ? " aria-current=\"page\"" : ""
            html += "<li><a href=\"\(href(item.path))\"\(current)>\(item.title)</a></li>"
        }
        html += "</ul></nav></header>\n<main id=\"main\">\n<h1>\(HTML.escape(title))</h1>\n"
        html += body
        html += "\n</main>\n<footer>\(HTML.escape(site.footer))</footer>\n"
        if let script { html += "<script>\(script)</script>\n" }
        html += "</body>\n</html>\n"
        return SiteFile(path: path, text: html)
    }
}

/// What every page's frame names: the report and the catalog it was made from.
struct SiteHeader {
    var name: String
    var footer: String
}
