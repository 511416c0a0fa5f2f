import CatalogModel
import Foundation

/// Streams billing rows into the import's write transaction (`CatalogRepository.importBilling`),
/// in multi-row statements of a few hundred rows, so a file of millions of rows is written in
/// bounded memory. The first row of a source's month replaces the rows that month held; a line
/// item seen twice is kept once (the later row).
///
/// The table has no index on line item ids (random, they would make every row land in a random
/// page of one): a hash of each one this import wrote is kept instead, and the few ids whose hash
/// comes again are checked and kept once when the import ends.
public final class BillingImportWriter {
    private let db: any SQLTransaction
    private var pending: [BillingLineItem] = []
    /// `source|month` -> rows it held before this import.
    private var replaced: [String: (source: String, month: String, rows: Int)] = [:]
    /// The hash of each `source`, `month` and line item this import added.
    private var seen = Set<Int>()
    /// `source|month` -> line items whose hash came twice: perhaps a line item repeated; `nil`
    /// once there are more than `repeatedKeysKept` (a file given twice): then the whole month
    /// is checked.
    private var repeated: [String: (source: String, month: String, keys: Set<String>?)] = [:]
    /// How many possibly repeated line items of a month are remembered one by one.
    static let repeatedKeysKept = 10_000
    /// Resource id -> app already written by this import (bounded: cleared when large).
    private var learned: [String: String] = [:]
    /// Tag sets repeat across an export's rows: each one's JSON text is made once.
    private var tagsText: [[String: String]: SQLValue] = [:]
    /// Rows handed to `add`.
    public private(set) var rowsAdded = 0

    /// Rows written per flush: statements of `SQLTransaction.insert`'s size, several per flush.
    static let batchSize = 4000
    static let columns = ["source", "lineItemKey", "month", "usageStart", "productCode", "usageType", "resourceId",
                          "app", "tags", "cost"]

    init(_ db: any SQLTransaction) {
        self.db = db
    }

    /// Adds one row; written with the next batch.
    public func add(_ item: BillingLineItem) throws {
        let month = item.source + "|" + item.month
        if replaced[month] == nil {
            let rows = try db.rows("SELECT COUNT(*) AS n FROM billingLineItem WHERE source = ? AND month = ?",
                                   .text(item.source), .text(item.month)).first?.optionalInt("n") ?? 0
            if rows > 0 {
                try db.execute("DELETE FROM billingLineItem WHERE source = ? AND month = ?", .text(item.source), .text(item.month))
            }
            replaced[month] = (item.source, item.month, rows)
        }
        rowsAdded += 1
        var hasher = Hasher()
        hasher.combine(item.source)
        hasher.combine(item.month)
        hasher.combine(item.key)
        if !seen.insert(hasher.finalize()).inserted {
            var entry = repeated[month] ?? (item.source, item.month, [])
            entry.keys?.insert(item.key)
            if let keys = entry.keys, keys.count > Self.repeatedKeysKept { entry.keys = nil }
            repeated[month] = entry
        }
        pending.append(item)
        if pending.count >= Self.batchSize { try flush() }
    }

    /// Writes the pending rows, and the resources tagged rows among them name.
    func flush() throws {
        guard !pending.isEmpty else { return }
        try db.insert("billingLineItem", columns: Self.columns, rows: try pending.map { item in
            [.text(item.source), .text(item.key), .text(item.month), .text(item.usageStart), .text(item.productCode),
             .text(item.usageType), .text(item.resourceId), SQLValue(item.appTag), try tagsJSON(item.tags),
             .integer(item.cost.units)]
        })
        var resources: [String: String] = [:]
        for item in pending {
            if let app = item.appTag, !app.isEmpty, !item.resourceId.isEmpty, learned[item.resourceId] != app {
                resources[item.resourceId] = app
            }
        }
        if !resources.isEmpty {
            try db.upsert("billingResource", key: ["resourceId"], columns: ["resourceId", "app"],
                          rows: resources.sorted { $0.key < $1.key }.map { [.text($0.key), .text($0.value)] })
            if learned.count > 100_000 { learned = [:] }
            learned.merge(resources) { _, new in new }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Of each line item that came more than once in a source's month, deletes all but the
    /// last row (the largest `id`).
    private func keepRepeatedOnce() throws {
        for (source, month, keys) in repeated.values.sorted(by: { ($0.source, $0.month) < ($1.source, $1.month) }) {
            var place: [SQLValue] = [.text(source), .text(month)]
            var only = ""
            if let keys {
                place.append(try SQLCatalogRepository.json(keys.sorted()))
                only = " AND lineItemKey IN (\(db.dialect.textList))"
            }
            try db.execute("""
                DELETE FROM billingLineItem WHERE source = ? AND month = ?\(only) AND id NOT IN (
                    SELECT MAX(id) FROM billingLineItem WHERE source = ? AND month = ?\(only) GROUP BY lineItemKey)
                """, place + place)
        }
    }

    /// Writes what is pending, keeps repeated line items once and counts what the import left.
    func finish() throws -> BillingImportTotals {
        try flush()
        try keepRepeatedOnce()
        var months: [BillingImportTotals.Month] = []
        for (source, month, before) in replaced.values.sorted(by: { ($0.source, $0.month) < ($1.source, $1.month) }) {
            let rows = try db.rows("SELECT COUNT(*) AS n FROM billingLineItem WHERE source = ? AND month = ?",
                                   .text(source), .text(month)).first?.optionalInt("n") ?? 0
            months.append(.init(source: source, month: month, rows: rows, replaced: before))
        }
        try db.refreshStatistics(of: ["billingLineItem", "billingResource"], afterAdding: rowsAdded)
        let sources = Set(months.map(\.source)), covered = Array(Set(months.map(\.month))).sorted()
        let others = try covered.isEmpty ? [] : db.rows("""
            SELECT source, month FROM billingLineItem WHERE month IN (\(db.dialect.textList))
            GROUP BY source, month ORDER BY \(db.dialect.byteOrder("month", "source"))
            """, try SQLCatalogRepository.json(covered)).map { (source: try $0.string("source"), month: try $0.string("month")) }
            .filter { !sources.contains($0.source) }
        return BillingImportTotals(months: months, otherSources: others)
    }

    /// Tags as a JSON object with sorted keys: equal tag sets are equal text, so rows group by it.
    private func tagsJSON(_ tags: [String: String]) throws -> SQLValue {
        if let text = tagsText[tags] { return text }
        let text = try Self.tagsJSON(tags)
        if tagsText.count > 10_000 { tagsText.removeAll(keepingCapacity: true) }
        tagsText[tags] = text
        return text
    }

    static func tagsJSON(_ tags: [String: String]) throws -> SQLValue {
        tags.isEmpty ? .text("{}") : try SQLCatalogRepository.json(tags)
    }
}
