import CatalogModel
import Foundation

/// A model's lifecycle as the report highlights it: LEGACY and end-of-life dates with the days
/// left from the report's date (or since, once passed).
struct LifecycleBadge {
    var model: FoundationModel
    /// `YYYY-MM-DD`.
    var asOf: String

    /// Whether the model needs attention: LEGACY, or with a LEGACY or end-of-life date.
    var isNotable: Bool { model.lifecycle == .legacy || model.legacyDate != nil || model.endOfLifeDate != nil }

    /// Days from `asOf` to the end of life (negative once passed), when there is a date.
    var daysToEndOfLife: Int? { model.endOfLifeDate.flatMap { Self.days(from: asOf, to: $0) } }

    /// The badges: LEGACY (from the catalog's status, or a LEGACY date reached) else ACTIVE, then
    /// a LEGACY date still to come and the end of life, each with its days.
    func html() -> String {
        var parts: [String] = []
        let legacyReached = model.legacyDate.flatMap { Self.days(from: asOf, to: $0) }.map { $0 <= 0 } ?? false
        if model.lifecycle == .legacy || legacyReached {
            let since = model.legacyDate.map { " since \(HTML.escape($0))\(Self.remaining(asOf, $0))" } ?? ""
            parts.append("<span class=\"badge legacy\">LEGACY\(since)</span>")
        } else if let date = model.legacyDate {
            parts.append("<span class=\"badge active\">ACTIVE</span>")
            parts.append("<span class=\"badge legacy\">LEGACY from \(HTML.escape(date))\(Self.remaining(asOf, date))</span>")
        } else if model.lifecycle == .active {
            parts.append("<span class=\"badge active\">ACTIVE</span>")
        } else {
            parts.append("<span class=\"muted\">no lifecycle listed</span>")
        }
        if let date = model.endOfLifeDate {
            let ended = (Self.days(from: asOf, to: date) ?? 1) <= 0
            parts.append("<span class=\"badge eol\">\(ended ? "ended" : "end of life") \(HTML.escape(date))\(Self.remaining(asOf, date))</span>")
        }
        return parts.joined(separator: " ")
    }

    /// ` (21 days left)`, ` (today)`, ` (3 days ago)`.
    static func remaining(_ from: String, _ to: String) -> String {
        guard let days = days(from: from, to: to) else { return "" }
        if days == 0 { return " (today)" }
        return days > 0 ? " (\(HTML.count(days, "day")) left)" : " (\(HTML.count(-days, "day")) ago)"
    }

    static func days(from: String, to: String) -> Int? {
        guard let start = CalendarDay(from, prefix: true), let end = CalendarDay(to, prefix: true) else { return nil }
        return start.days(to: end)
    }
}
