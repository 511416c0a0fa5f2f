/// Comma-separated values as RFC 4180 defines them, for spreadsheets and scripts: a header row,
/// CRLF line breaks, and a field in double quotes (its quotes doubled) when it holds a comma, a
/// quote or a line break. A field a spreadsheet would run as a formula is neutralized here, for
/// every report (`neutralized`).
enum CSV {
    static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A table's header and cells, each list whole (a table shortens them to fit a terminal).
    static func render(_ table: TextTable) -> String {
        render(header: table.header, rows: table.rows.map { row in row.map { TextTable.text($0, width: .max) } })
    }

    static func field(_ text: String) -> String {
        let text = neutralized(text)
        // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The text with a `'` before it when a spreadsheet would read it as a formula: it starts
    /// with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's CSV injection list). A plain
    /// number (`-12.50`) stays a number, and a lone `-` (a table's "none") stays as it is. Tag
    /// values and names may hold these characters (AWS tag values allow `= + - @`), and reports
    /// echo them.
    static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
              text != "-", !isPlainNumber(text) else {
            return text
        }
        return "'" + text
    }

    /// An optional sign, digits, and an optional fraction: `-12.50`, `+3`, `0.0001`.
    private static func isPlainNumber(_ text: String) -> Bool {
        var scalars = text.unicodeScalars[...]
        if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
        let parts = String(scalars).split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { part in !part.isEmpty && part.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
    }
}
