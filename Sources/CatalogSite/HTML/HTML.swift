/// Text and markup for the report's pages: every value from the catalog goes through
/// `escape`, so a spec's tag value or a reason can never become markup.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attributes.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// `<a href="...">text</a>`, both escaped.
    static func link(_ text: String, to href: String, class name: String? = nil) -> String {
        "<a href=\"\(escape(href))\"\(name.map { " class=\"\($0)\"" } ?? "")>\(escape(text))</a>"
    }

    /// `<code>text</code>`.
    static func code(_ text: String) -> String { "<code>\(escape(text))</code>" }

    /// A table in a container that scrolls sideways on a narrow screen, rather than the page.
    /// `head` and `rows` are cells' markup; `numeric` columns are right-aligned.
    static func table(
        caption: String? = nil, head: [String], rows: [[String]], foot: [[String]] = [], numeric: Set<Int> = [],
        id: String? = nil
    ) -> String {
        var html = "<div class=\"scroll\"><table\(id.map { " id=\"\($0)\"" } ?? "")>"
        if let caption { html += "<caption>\(escape(caption))</caption>" }
        func row(_ cells: [String], cell: String) -> String {
            "<tr>" + cells.enumerated().map { index, content in
                let scope = cell == "th" ? " scope=\"col\"" : ""
                return "<\(cell)\(scope)\(numeric.contains(index) ? " class=\"num\"" : "")>\(content)</\(cell)>"
            }.joined() + "</tr>"
        }
        html += "<thead>" + row(head, cell: "th") + "</thead><tbody>"
        for cells in rows { html += row(cells, cell: "td") }
        html += "</tbody>"
        if !foot.isEmpty { html += "<tfoot>" + foot.map { row($0, cell: "td") }.joined() + "</tfoot>" }
        return html + "</table></div>"
    }

    /// A list of facts, each a name (plain text) and its value (markup).
    static func facts(_ facts: [(name: String, value: String)]) -> String {
        "<dl>" + facts.map { "<dt>\(escape($0.name))</dt><dd>\($0.value)</dd>" }.joined() + "</dl>"
    }

    /// `n thing` or `n things`, with thousands grouped.
    static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(grouped(count)) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// `12,345`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var grouped = "", rest = Substring(digits)
        while rest.count > 3 {
            grouped = "," + rest.suffix(3) + grouped
            rest = rest.dropLast(3)
        }
        return (number < 0 ? "-" : "") + rest + grouped
    }
}
