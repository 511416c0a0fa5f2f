import Foundation

/// Today's date as `YYYY-MM-DD` (UTC), the one place the use cases read the clock: for
/// last-seen dates and the wording of lifecycle warnings, never for templates.
enum Today {
    static func day(_ date: Date = Date()) -> String {
        date.formatted(Date.ISO8601FormatStyle().year().month().day())
    }
}
