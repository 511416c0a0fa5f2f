import CatalogModel
internal import CatalogStore
import Foundation

/// The sources billing rows came from: listing them, and removing one imported by mistake.
extension CostService {
    /// One source's month: its rows and cost (to the cent).
    public struct SourceMonth: Encodable, Sendable {
        public var source: String
        public var month: String
        public var rows: Int
        public var cost: Decimal

        init(_ stored: BillingSourceMonth) {
            source = stored.source
            month = stored.month
            rows = stored.rows
            cost = stored.cost.cents
        }
    }

    /// Every source's months, by source then month.
    public func sources() throws -> [SourceMonth] {
        try repository.billingSources().map(SourceMonth.init)
    }

    /// Removes the rows of `source` (of `month` only, when given) in one transaction, or on a
    /// dry run only says what they are; a source without such rows is an error naming the sources.
    public func deleteSource(_ source: String, month: String?, dryRun: Bool) throws -> [SourceMonth] {
        if let month, !BillingTimestamp.isMonth(month) { throw BillingError.badMonth(month) }
        let stored = try repository.billingSources()
        let matching = stored.filter { $0.source == source && (month == nil || $0.month == month) }
        guard !matching.isEmpty else {
            throw BillingError.unknownSource(source, month: month, known: Array(Set(stored.map(\.source))).sorted())
        }
        return dryRun ? matching.map(SourceMonth.init) : try repository.deleteBilling(source: source, month: month).map(SourceMonth.init)
    }
}
