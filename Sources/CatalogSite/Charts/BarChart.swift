import CatalogModel
import Foundation

/// A horizontal bar chart of money per group, estimate and actual side by side, drawn as SVG
/// with the same numbers in a table beside it (the table is what screen readers and copy-paste
/// use; the chart is `aria-hidden`). The largest groups are charted, every group is in the table.
struct BarChart {
    struct Row {
        var label: String
        /// A page about the group, relative to the page the chart is on.
        var href: String?
        var estimate: Decimal?
        var actual: Decimal?
        /// Cost that belongs to no group (unattributed, other services): drawn in its own colour.
        var isRest = false
    }

    var title: String
    /// What a row's label is: `Team`, `Model`, `CostCenter`.
    var groupName: String
    var rows: [Row]
    var showsEstimate: Bool
    var showsActual: Bool
    /// The total the table's foot shows (the CLI report's total); the rows' sum when `nil`.
    var actualTotal: Decimal?

    /// Bars drawn at most; the table holds the rest.
    static let chartedRows = 20
    /// Table rows at most (a tag can have a value per app): the smaller groups are added up in one row.
    static let tableRows = 100
    static let width = 640, labelWidth = 250, valueWidth = 80, barHeight = 12, rowGap = 10

    func html() -> String {
        let charted = chartedRows()
        var html = "<section class=\"chart\" aria-label=\"\(HTML.escape(title))\"><div><div class=\"chart-svg\">" + svg(charted) + "</div>" + legend()
        if charted.count < rows.count {
            html += "<p class=\"muted\">The chart shows the \(charted.count) largest of \(HTML.count(rows.count, "group"))"
                + (rows.count > Self.tableRows ? "; the table the \(Self.tableRows) largest, the others added up.</p>" : "; the table lists all.</p>")
        }
        return html + "</div><div>" + table() + "</div></section>"
    }

    private func chartedRows() -> [Row] { Self.largest(rows, keeping: Self.chartedRows) }

    /// The `count` largest rows by actual (else estimate), in their order, rest rows kept.
    static func largest(_ rows: [Row], keeping count: Int) -> [Row] {
        guard rows.count > count else { return rows }
        let rest = rows.filter(\.isRest)
        return rows.filter { !$0.isRest }.enumerated()
            .sorted { (($1.element.actual ?? $1.element.estimate ?? 0), $0.offset) < (($0.element.actual ?? $0.element.estimate ?? 0), $1.offset) }
            .prefix(count - rest.count).sorted { $0.offset < $1.offset }.map(\.element) + rest
    }

    /// The table's rows: all, or the largest and one row adding up the others.
    private func tableRows() -> [Row] {
        guard rows.count > Self.tableRows else { return rows }
        let kept = Self.largest(rows, keeping: Self.tableRows - 1)
        let shown = Set(kept.map(\.label))
        let others = rows.filter { !shown.contains($0.label) }
        let estimates = others.compactMap(\.estimate)
        let other = Row(label: "(\(HTML.grouped(others.count)) other \(groupName) values)",
                        estimate: estimates.isEmpty ? nil : estimates.reduce(0, +),
                        actual: others.compactMap(\.actual).reduce(0, +))
        return kept.filter { !$0.isRest } + [other] + kept.filter(\.isRest)
    }

    private func svg(_ rows: [Row]) -> String {
        let series = (showsEstimate ? 1 : 0) + (showsActual ? 1 : 0)
        let rowHeight = max(1, series) * Self.barHeight + Self.rowGap
        let height = max(1, rows.count) * rowHeight + 8
        let largest = rows.flatMap { [showsEstimate ? $0.estimate : nil, showsActual ? $0.actual : nil].compactMap { $0 } }.max() ?? 0
        let span = Self.width - Self.labelWidth - Self.valueWidth
        var svg = "<svg viewBox=\"0 0 \(Self.width) \(height)\" width=\"\(Self.width)\" height=\"\(height)\" aria-hidden=\"true\" focusable=\"false\">"
        for (index, row) in rows.enumerated() {
            let top = 4 + index * rowHeight
            let middle = top + (series * Self.barHeight) / 2 + 4
            svg += "<text x=\"\(Self.labelWidth - 6)\" y=\"\(middle)\" text-anchor=\"end\" font-size=\"13\">\(HTML.escape(Self.short(row.label)))</text>"
            var y = top
            for (value, color) in [(showsEstimate ? row.estimate : nil, SitePalette.estimate, showsEstimate),
                                   (showsActual ? row.actual : nil, row.isRest ? SitePalette.none : SitePalette.actual, showsActual)]
                .filter({ $0.2 }).map({ ($0.0, $0.1) }) {
                let length = largest > 0 ? Self.pixels(value ?? 0, of: largest, span: span) : 0
                svg += "<rect x=\"\(Self.labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(Self.barHeight - 1)\" fill=\"\(color)\"/>"
                svg += "<text x=\"\(Self.labelWidth + length + 4)\" y=\"\(y + Self.barHeight - 2)\" font-size=\"11\">\(HTML.escape(MoneyText.dollars(value)))</text>"
                y += Self.barHeight
            }
        }
        return svg + "</svg>"
    }

    private func legend() -> String {
        var items: [String] = []
        if showsEstimate { items.append("<li><span class=\"key\" style=\"background:\(SitePalette.estimate)\"></span>estimate</li>") }
        if showsActual { items.append("<li><span class=\"key\" style=\"background:\(SitePalette.actual)\"></span>actual</li>") }
        if showsActual && rows.contains(where: \.isRest) {
            items.append("<li><span class=\"key\" style=\"background:\(SitePalette.none)\"></span>no group</li>")
        }
        return "<ul class=\"legend\">" + items.joined() + "</ul>"
    }

    private func table() -> String {
        var head = [HTML.escape(groupName)]
        if showsEstimate { head.append("Estimate / month") }
        if showsActual { head.append("Actual") }
        let cells = tableRows().map { row -> [String] in
            var cells = [row.href.map { HTML.link(row.label, to: $0) } ?? HTML.escape(row.label)]
            if showsEstimate { cells.append(MoneyText.dollars(row.estimate)) }
            if showsActual { cells.append(MoneyText.dollars(row.actual)) }
            return cells
        }
        var total = ["Total"]
        // No estimate known is `-`, not $0.00.
        let estimates = rows.compactMap(\.estimate)
        if showsEstimate { total.append(MoneyText.dollars(estimates.isEmpty ? nil : estimates.reduce(0, +))) }
        if showsActual { total.append(MoneyText.dollars(actualTotal ?? rows.compactMap(\.actual).reduce(0, +))) }
        return HTML.table(caption: title, head: head, rows: cells, foot: [total], numeric: Set(1..<head.count))
    }

    /// A bar's length in whole pixels: at least 1 for any cost above zero, so it shows.
    static func pixels(_ value: Decimal, of largest: Decimal, span: Int) -> Int {
        guard value > 0 else { return 0 }
        let scaled = NSDecimalNumber(decimal: value * Decimal(span) / largest).doubleValue
        return max(1, Int(scaled.rounded()))
    }

    /// A label cut to fit its column, in the middle (model ids differ in the middle, and their
    /// ends tell versions apart); the table has it whole.
    static func short(_ label: String) -> String {
        guard label.count > 30 else { return label }
        return String(label.prefix(17)) + "…" + String(label.suffix(12))
    }
}
