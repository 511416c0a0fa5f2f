import CatalogSynthesis

/// A template diff as the report shows it: `TemplateDiff.lines` in a preformatted block, each
/// style a class (colour, with the `+`/`-`/`~` markers and words carrying the meaning too).
enum DiffText {
    static func html(_ diff: TemplateDiff) -> String {
        guard !diff.isEmpty else { return "<p>No differences.</p>" }
        return "<pre class=\"diff\">" + diff.lines.map { line in
            String(repeating: " ", count: line.indent) + line.segments.map { text, style in
                switch style {
                case .plain: HTML.escape(text)
                case .added: "<span class=\"add\">\(HTML.escape(text))</span>"
                case .removed: "<span class=\"del\">\(HTML.escape(text))</span>"
                case .changed: "<span class=\"chg\">\(HTML.escape(text))</span>"
                case .replacement: "<strong class=\"del\">\(HTML.escape(text))</strong>"
                }
            }.joined()
        }.joined(separator: "\n") + "</pre>"
    }
}
