/// A plain-text table with a header row and left-aligned columns separated by two spaces, fitted
/// to a width (the terminal's, see `Terminal.width`).
///
/// When the table is wider, text cells that have a short form use it, then list cells (of Regions,
/// apps) are shortened to their first items and a count, such as `us-east-1,us-east-2 +14 more`,
/// until every line fits. Other text is never cut, so a table can stay wider than a very narrow
/// terminal. Commands print the full lists with `--json`.
struct TextTable {
    /// One cell: text (with a shorter form for narrow tables, if any), or a list that may be shortened.
    enum Cell {
        case text(String, short: String? = nil)
        case list([String])
    }

    static let separator = "  "

    var header: [String]
    var rows: [[Cell]] = []

    init(_ header: String...) {
        self.header = header
    }

    init(header: [String]) {
        self.header = header
    }

    mutating func add(_ cells: String...) {
        rows.append(cells.map { .text($0) })
    }

    mutating func add(_ cells: Cell...) {
        rows.append(cells)
    }

    mutating func add(row cells: [Cell]) {
        rows.append(cells)
    }

    /// The table's lines, fitted to `width` columns where short forms and shortened lists can do it.
    func render(width: Int = Terminal.width) -> String {
        // Most tables fit as they are (always when the output is not a terminal): laid out once.
        // Else short forms, then shortened lists.
        var layout = laidOut(short: false, limits: nil)
        if lineWidth(layout.widths) > width {
            layout = laidOut(short: true, limits: listLimits(width: width, short: true))
        }
        return layout.cells.indices.map { line in
            let row = layout.cells[line]
            return row.indices.map { column in
                column == row.count - 1 ? row[column]
                    : row[column] + String(repeating: " ", count: layout.widths[column] - layout.lengths[line][column])
            }.joined(separator: Self.separator)
        }.joined(separator: "\n")
    }

    /// The header and rows as text (lists at most `limits[column]` long, when given), each
    /// cell's length, and each column's width: every cell is rendered and measured once.
    private func laidOut(short: Bool, limits: [Int]?) -> (cells: [[String]], lengths: [[Int]], widths: [Int]) {
        let cells = [header] + rows.map { row in
            row.enumerated().map { column, cell in Self.text(cell, short: short, width: limits?[column] ?? .max) }
        }
        let lengths = cells.map { $0.map(\.count) }
        let widths = header.indices.map { column in lengths.map { $0[column] }.max() ?? 0 }
        return (cells, lengths, widths)
    }

    // MARK: - Fitting

    /// Each column's width with its cells rendered as `short` says and lists at most `listWidth(column)` long.
    private func columnWidths(short: Bool, listWidth: (Int) -> Int) -> [Int] {
        header.indices.map { column in
            rows.reduce(header[column].count) { widest, row in
                max(widest, Self.text(row[column], short: short, width: listWidth(column)).count)
            }
        }
    }

    private func lineWidth(_ widths: [Int]) -> Int {
        widths.reduce(0, +) + Self.separator.count * (widths.count - 1)
    }

    /// How long each column's lists may be: unlimited when the table fits, else the columns with
    /// lists share what the others leave, each getting an equal share, or less when less is enough,
    /// and never less than its header, its text or its lists at their shortest.
    private func listLimits(width: Int, short: Bool) -> [Int] {
        var limits = columnWidths(short: short, listWidth: { _ in .max })
        guard lineWidth(limits) > width else { return limits }
        let minimums = columnWidths(short: short, listWidth: { _ in 0 })
        let lists = header.indices.filter { column in
            rows.contains { row in if case .list = row[column] { true } else { false } }
        }
        var available = width - lineWidth(limits) + lists.map { limits[$0] }.reduce(0, +)
        var pending = lists.sorted { limits[$0] < limits[$1] }
        while let column = pending.first {
            let share = available / pending.count
            if limits[column] <= share {
                available -= limits[column]
                pending.removeFirst()
                continue
            }
            for (index, column) in pending.enumerated() {
                let extra = index < available % pending.count ? 1 : 0
                limits[column] = max(share + extra, minimums[column])
            }
            break
        }
        return limits
    }

    /// A cell as text: its short form when `short`; a list whole when it fits in `width`, else its
    /// first items and how many more (`a,b +3 more`), else only its count (`5 in all`).
    static func text(_ cell: Cell, short: Bool = false, width: Int) -> String {
        switch cell {
        case let .text(text, shortText):
            return short ? shortText ?? text : text
        case let .list(items):
            let whole = Formatting.list(items)
            guard whole.count > width, items.count > 1 else { return whole }
            for shown in stride(from: items.count - 1, to: 0, by: -1) {
                let text = items.prefix(shown).joined(separator: ",") + " +\(items.count - shown) more"
                if text.count <= width { return text }
            }
            return "\(items.count) in all"
        }
    }
}
