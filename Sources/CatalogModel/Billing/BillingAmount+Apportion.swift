import Foundation

extension BillingAmount {
    /// Units of one cent.
    static let unitsPerCent: Int64 = 100_000_000

    /// Each amount to the cent such that the cents add up to the sum of the amounts rounded once
    /// (half away from zero), as a report's rows must add up to its total: each is rounded down,
    /// and the cents left are given to the largest remainders (the earlier one on a tie).
    /// With `total` (in dollars, whole cents), the cents add up to that instead: a part of a
    /// report whose own line was apportioned among others.
    public static func apportionedCents(_ amounts: [BillingAmount], total: Decimal? = nil) -> [Decimal] {
        guard !amounts.isEmpty else { return [] }
        let floors = amounts.map { amount -> Int64 in
            let (quotient, remainder) = amount.units.quotientAndRemainder(dividingBy: unitsPerCent)
            return remainder < 0 ? quotient - 1 : quotient
        }
        let target = total.map { NSDecimalNumber(decimal: $0 * 100).int64Value }
            ?? CentRounding.cents(of: amounts.reduce(BillingAmount.zero, +))
        var left = target - floors.reduce(0, +)
        var cents = floors
        let byRemainder = amounts.indices.sorted { a, b in
            let ra = amounts[a].units - floors[a] * unitsPerCent, rb = amounts[b].units - floors[b] * unitsPerCent
            return ra != rb ? ra > rb : a < b
        }
        // A target from elsewhere may be a cent below the floors' sum, too.
        for index in byRemainder.reversed() where left < 0 {
            cents[index] -= 1
            left += 1
        }
        for index in byRemainder where left > 0 {
            cents[index] += 1
            left -= 1
        }
        return cents.map { Decimal($0) / 100 }
    }
}

/// Whole cents of an amount, rounded half away from zero, in integers.
enum CentRounding {
    static func cents(of amount: BillingAmount) -> Int64 {
        let magnitude = amount.units.magnitude
        let rounded = Int64((magnitude + UInt64(BillingAmount.unitsPerCent / 2)) / UInt64(BillingAmount.unitsPerCent))
        return amount.units < 0 ? -rounded : rounded
    }
}
