/// What stops `cost import` or `cost report`. Messages name the file (and line) and what was
/// expected; nothing is written when any is thrown.
public enum BillingError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotRead(file: String, reason: String)
    case emptyFile(file: String)
    case notAnExport(file: String, reason: String)
    /// A header no format has: what each format expects, and which of those the file lacks.
    case unknownHeader(file: String, missing: [BillingFormat: [String]])
    case badFile(file: String, line: Int, reason: String)
    /// Bad rows: `(file, line, problem)`, the first `shown` of `count`.
    case badRows(_ rows: [BadRow], count: Int)
    case badMonth(String)
    case unknownKey(String, known: [String])
    case noCosts
    case noCostsInMonth(String, latest: String)
    case badSource(String)
    /// Actual costs are split by one tag key, and none was given.
    case actualNeedsKey
    /// No billing rows of the source (in the month, when one is named).
    case unknownSource(String, month: String?, known: [String])
    /// A tag key no app, default or policy of the catalog names.
    case unknownTagKey(String, known: [String])

    /// One bad row of one file.
    public struct BadRow: Hashable, Sendable {
        public var file: String
        public var line: Int
        public var problems: [BillingRowProblem]

        public init(file: String, line: Int, problems: [BillingRowProblem]) {
            self.file = file
            self.line = line
            self.problems = problems
        }
    }

    /// The bad rows an import reports at most; the rest are counted.
    public static let shownRows = 20

    public var description: String {
        switch self {
        case let .cannotRead(file, reason): return "\(file): cannot be read: \(reason)"
        case let .emptyFile(file): return "\(file): is empty; a billing export starts with a header row"
        case let .notAnExport(file, reason):
            return "\(file): is not a billing export (CSV, plain or gzip-compressed): \(reason)"
        case let .unknownHeader(file, missing):
            let formats = BillingFormat.allCases.map { format in
                "  \(format.title) (\(format.rawValue)) needs \(format.requiredColumns.joined(separator: ", "))"
                    + "; missing: \((missing[format] ?? []).joined(separator: ", "))"
            }
            return "\(file): the header is not that of a billing export deploycat reads:\n" + formats.joined(separator: "\n")
        case let .badFile(file, line, reason): return "\(file) (line \(line)): \(reason)"
        case let .badRows(rows, count):
            let lines = rows.map { row in "\(row.file) (line \(row.line)): " + row.problems.map(\.description).joined(separator: "; ") }
            let more = count > rows.count ? ["... and \(count - rows.count) more bad rows"] : []
            return "\(count == 1 ? "1 row" : "\(count) rows") cannot be read; nothing was imported:\n"
                + (lines + more).joined(separator: "\n")
        case let .badMonth(text): return "--month \"\(text)\" is not a month; write YYYY-MM, such as 2025-01"
        case let .unknownKey(key, known):
            return "--by \"\(key)\" is not app, team, model or a tag key the catalog knows; known keys: "
                + (known.isEmpty ? "none" : known.joined(separator: ", "))
        case .noCosts: return "no billing data has been imported; import an export with `deploycat cost import FILE...`"
        case let .noCostsInMonth(month, latest):
            return "no billing data for \(month); the latest month imported is \(latest)"
        case let .badSource(name):
            return "--source \"\(name)\" is not a source name: 1 to 128 letters, digits and '-_.:/@'"
        case let .unknownTagKey(key, known):
            return "--by \"\(key)\" is not a tag key the catalog knows" + Suggestions.didYouMean(key, in: known)
                + "; known keys: " + (known.isEmpty ? "none" : known.joined(separator: ", "))
        case let .unknownSource(source, month, known):
            return "no billing rows of source \"\(source)\"" + (month.map { " in \($0)" } ?? "")
                + Suggestions.didYouMean(source, in: known) + "; sources: " + (known.isEmpty ? "none" : known.joined(separator: ", "))
        case .actualNeedsKey:
            return "actual costs are split by one tag key: give --by KEY"
        }
    }
}
