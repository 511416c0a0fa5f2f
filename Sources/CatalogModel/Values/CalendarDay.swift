/// A day written `YYYY-MM-DD` (proleptic Gregorian), read by arithmetic: no formatter to make
/// (a report counts days for every app), the same on every thread, and no day that does not
/// exist (`2027-02-30` is refused, where a lenient parser reads March 2nd).
public struct CalendarDay: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01.
    public let ordinal: Int

    /// `text` is `YYYY-MM-DD`; anything after the tenth character (a time) is ignored when `prefix` is set.
    public init?(_ text: some StringProtocol, prefix: Bool = false) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 || (prefix && bytes.count > 10), bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year) else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let shifted = month <= 2 ? year - 1 : year
        let era = shifted / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        ordinal = era * 146_097 + dayOfEra - 719_468
    }

    /// Days from this day to `other` (negative when `other` is earlier).
    public func days(to other: CalendarDay) -> Int { other.ordinal - ordinal }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.ordinal < b.ordinal }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
