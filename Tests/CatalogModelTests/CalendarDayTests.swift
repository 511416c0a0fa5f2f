import CatalogModel
import Foundation
import Testing

@Suite struct CalendarDayTests {
    @Test func readsRealDaysOnly() {
        #expect(CalendarDay("1970-01-01")?.ordinal == 0)
        #expect(CalendarDay("2026-11-24").map { CalendarDay("2026-12-15")!.ordinal - $0.ordinal } == 21)
        #expect(CalendarDay("2024-02-29") != nil && CalendarDay("2023-02-29") == nil && CalendarDay("2100-02-29") == nil)
        #expect(CalendarDay("2027-02-30") == nil && CalendarDay("2026-13-01") == nil && CalendarDay("24.11.2026") == nil)
        #expect(CalendarDay("2026-11-24T10:00:00Z") == nil && CalendarDay("2026-11-24T10:00:00Z", prefix: true) != nil)
        // The same count of days as Foundation's calendar, over a span with leap years.
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        for text in ["1999-12-31", "2000-03-01", "2025-04-01", "2038-01-19", "2400-02-29"] {
            let seconds = formatter.date(from: text)!.timeIntervalSince1970
            #expect(CalendarDay(text)?.ordinal == Int(seconds / 86_400), "\(text)")
        }
    }
}
