import Foundation

/// The usage start of an export's row, as AWS writes it: `2025-01-31T23:00:00Z`,
/// `2025-01-31T23:00:00.000Z`, `2025-01-31 23:00:00`, with an offset (`+01:00`) or none (UTC),
/// or a bare date.
public enum BillingTimestamp {
    /// `(YYYY-MM, YYYY-MM-DDTHH:MM:SSZ)` in UTC, or `nil` when `text` is not such a time.
    public static func parse(_ text: String) -> (month: String, utc: String)? {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<from + count] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count >= 10, let year = number(0, 4), bytes[4] == 0x2D, let month = number(5, 2), bytes[7] == 0x2D,
              let day = number(8, 2), (1...12).contains(month), day >= 1, day <= daysIn(month, year) else { return nil }
        var hour = 0, minute = 0, second = 0, offsetMinutes = 0
        var index = 10
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "T") || bytes[index] == 0x20, let h = number(index + 1, 2),
                  bytes.count > index + 3, bytes[index + 3] == 0x3A, let m = number(index + 4, 2) else { return nil }
            hour = h
            minute = m
            index += 6
            if index < bytes.count, bytes[index] == 0x3A {
                guard let s = number(index + 1, 2) else { return nil }
                second = s
                index += 3
                if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                    index += 1
                    while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
                }
            }
            guard hour < 24, minute < 60, second < 61 else { return nil }
            if index < bytes.count {
                if bytes[index] == UInt8(ascii: "Z") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                    guard let oh = number(index + 1, 2) else { return nil }
                    var om = 0
                    index += 3
                    if index < bytes.count, bytes[index] == 0x3A { index += 1 }
                    if index < bytes.count {
                        guard let value = number(index, 2) else { return nil }
                        om = value
                        index += 2
                    }
                    guard oh < 24, om < 60 else { return nil }
                    offsetMinutes = sign * (oh * 60 + om)
                }
            }
            guard index == bytes.count else { return nil }
        }
        var (y, mo, d, h, mi) = (year, month, day, hour, minute - offsetMinutes)
        if offsetMinutes != 0 {
            // Whole days at most one either way: move the clock and the date by hand.
            var total = h * 60 + mi
            if total < 0 {
                total += 1440
                d -= 1
                if d == 0 { mo -= 1; if mo == 0 { mo = 12; y -= 1 }; d = daysIn(mo, y) }
            } else if total >= 1440 {
                total -= 1440
                d += 1
                if d > daysIn(mo, y) { d = 1; mo += 1; if mo == 13 { mo = 1; y += 1 } }
            }
            h = total / 60
            mi = total % 60
        }
        let monthText = pad(y, 4) + "-" + pad(mo, 2)
        return (monthText, monthText + "-" + pad(d, 2) + "T" + pad(h, 2) + ":" + pad(mi, 2) + ":" + pad(second, 2) + "Z")
    }

    /// Whether `text` is a month as `--month` takes it: `YYYY-MM`.
    public static func isMonth(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == 0x2D else { return false }
        let digits = bytes[0..<4] + bytes[5..<7]
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let month = Int(String(decoding: bytes[5..<7], as: UTF8.self))
        else { return false }
        return (1...12).contains(month)
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
