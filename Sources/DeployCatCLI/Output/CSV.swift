/// Comma-separated values as RFC 4180 defines them, for spreadsheets and scripts: a header row,
/// CRLF line breaks, and a field in double quotes (its quotes doubled) when it holds a comma, a
/// quote or a line break.
enum CSV {
    static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A table's header and cells, each list whole (a table shortens them to fit a terminal).
    static func render(_ table: TextTable) -> String {
        render(header: table.header, rows: table.rows.map { row in row.map { TextTable.text($0, width: .max) } })
    }

    static func field(_ text: String) -> String {
        // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
