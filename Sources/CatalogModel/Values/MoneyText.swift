import Foundation

/// Money as cost reports print it: `$1,234.56` in tables, `1234.56` in CSV.
public enum MoneyText {
    /// `$1,400.00`, `-$12.50`; `-` for none.
    public static func dollars(_ value: Decimal?) -> String {
        guard let value else { return "-" }
        let (sign, whole, cents) = parts(value)
        var grouped = "", rest = whole
        while rest.count > 3 {
            grouped = "," + rest.suffix(3) + grouped
            rest.removeLast(3)
        }
        return sign + "$" + rest + grouped + "." + cents
    }

    /// `1400.00`, `-12.50`; empty for none.
    public static func plain(_ value: Decimal?) -> String {
        guard let value else { return "" }
        let (sign, whole, cents) = parts(value)
        return sign + whole + "." + cents
    }

    /// The decimal's own digits (rounded to the cent first), never a Double's.
    private static func parts(_ value: Decimal) -> (sign: String, whole: String, cents: String) {
        var exact = value, rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 2, .plain)
        var text = "\(rounded)"
        let sign = text.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { text.removeFirst() }
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return (sign, pieces[0], String(((pieces.count > 1 ? pieces[1] : "") + "00").prefix(2)))
    }
}
