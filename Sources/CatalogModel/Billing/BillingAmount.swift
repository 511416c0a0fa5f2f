import Foundation

/// An exact amount of money in a billing export, in units of 10^-10 USD: AWS writes costs with
/// up to ten decimal places, and a month's millions of tiny token charges must sum to the cent
/// without a floating-point sum. Int64 holds about ±922 million dollars, per line item or per sum.
public struct BillingAmount: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 10^-10 USD.
    public var units: Int64

    /// Decimal places kept.
    public static let scale = 10
    public static let zero = BillingAmount(units: 0)

    public init(units: Int64) {
        self.units = units
    }

    /// Reads a plain or scientific decimal (`12.5`, `-0.0000000672`, `1.2E-7`, `.5`) exactly;
    /// digits past the tenth decimal place are rounded half to even. `nil` for anything else, or
    /// an amount too large to hold.
    public init?(parsing text: some StringProtocol) {
        var digits: [UInt8] = []
        var negative = false, fraction = 0, exponent = 0, seenPoint = false, seenDigit = false
        var utf8 = Array(text.utf8)
        // Surrounding spaces are a spreadsheet's doing, not part of the number.
        while utf8.last == 0x20 { utf8.removeLast() }
        var index = 0
        while index < utf8.count, utf8[index] == 0x20 { index += 1 }
        if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
            negative = utf8[index] == UInt8(ascii: "-")
            index += 1
        }
        while index < utf8.count {
            let byte = utf8[index]
            if byte >= 0x30 && byte <= 0x39 {
                seenDigit = true
                if !(digits.isEmpty && byte == 0x30) { digits.append(byte - 0x30) }
                if seenPoint { fraction += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard seenDigit, let power = Int(String(decoding: utf8[(index + 1)...], as: UTF8.self)),
                      abs(power) < 100 else { return nil }
                exponent = power
                index = utf8.count
                break
            } else {
                return nil
            }
            index += 1
        }
        guard seenDigit else { return nil }
        // value = digits × 10^(exponent - fraction); units = value × 10^scale.
        let shift = exponent - fraction + Self.scale
        var kept = digits, dropped: [UInt8] = []
        if shift >= 0 {
            kept += Array(repeating: 0, count: shift)
        } else {
            let cut = max(0, kept.count + shift)
            dropped = Array(kept[cut...]) + Array(repeating: 0, count: max(0, -shift - kept.count))
            kept = Array(kept[..<cut])
        }
        guard kept.count <= 19 else { return nil }
        var value: Int64 = 0
        for digit in kept {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (plus, overflow2) = times.addingReportingOverflow(Int64(digit))
            guard !overflow, !overflow2 else { return nil }
            value = plus
        }
        if let first = dropped.first {
            let rest = dropped.dropFirst().contains { $0 != 0 }
            if first > 5 || (first == 5 && (rest || value % 2 == 1)) { value += 1 }
        }
        units = negative ? -value : value
    }

    /// The exact amount in dollars.
    public var decimal: Decimal {
        Decimal(sign: units < 0 ? .minus : .plus, exponent: -Self.scale, significand: Decimal(units.magnitude))
    }

    /// Rounded to the cent, half away from zero, as invoices show money.
    public var cents: Decimal {
        var exact = decimal, rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 2, .plain)
        return rounded
    }

    /// The exact amount, without trailing zeros (`0.00000025`).
    public var description: String { "\(decimal)" }

    public static func + (lhs: BillingAmount, rhs: BillingAmount) -> BillingAmount {
        BillingAmount(units: lhs.units + rhs.units)
    }

    public static func += (lhs: inout BillingAmount, rhs: BillingAmount) { lhs = lhs + rhs }

    public static func < (lhs: BillingAmount, rhs: BillingAmount) -> Bool { lhs.units < rhs.units }
}
