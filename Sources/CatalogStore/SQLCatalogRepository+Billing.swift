import CatalogModel
import Foundation

/// Actual costs: billing export rows, imported in one transaction and summed for reports.
extension SQLCatalogRepository {
    /// Runs `body` in one write transaction, handing it the writer it streams rows into; when
    /// `body` throws, nothing is written.
    public func importBilling(_ body: (BillingImportWriter) throws -> Void) throws -> BillingImportTotals {
        try engine.write { db in
            let writer = BillingImportWriter(db)
            try body(writer)
            return try writer.finish()
        }
    }

    /// The newest month billing rows cover (`YYYY-MM`), or `nil` before the first import.
    public func latestBillingMonth() throws -> String? {
        try engine.read { db in try db.rows("SELECT MAX(month) AS month FROM billingLineItem").first?.optionalString("month") }
    }

    /// The month's rows (of `sources` only, when given) summed by app tag, resource (for rows
    /// without one), product, usage type and tags; one read.
    public func billingCosts(month: String, sources: [String]?) throws -> [BillingCostGroup] {
        try engine.read { db in
            try db.rows("""
                SELECT app, CASE WHEN app IS NULL THEN resourceId ELSE '' END AS resource, productCode, usageType, tags,
                       CAST(SUM(cost) AS BIGINT) AS cost, COUNT(*) AS n
                FROM billingLineItem WHERE month = ?\(sources == nil ? "" : " AND source IN (\(db.dialect.textList))")
                GROUP BY app, CASE WHEN app IS NULL THEN resourceId ELSE '' END, productCode, usageType, tags
                """, [.text(month)] + (try sources.map { [try Self.json($0)] } ?? [])).map { row in
                let text = try row.string("tags")
                guard let tags = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) else {
                    throw SQLRowError.unexpected("billingLineItem.tags", value: text)
                }
                let cost = try row.string("cost")
                guard let units = Int64(cost) else { throw SQLRowError.unexpected("SUM(billingLineItem.cost)", value: cost) }
                return BillingCostGroup(appTag: row.optionalString("app"), resourceId: try row.string("resource"),
                                        productCode: try row.string("productCode"), usageType: try row.string("usageType"),
                                        tags: tags, cost: BillingAmount(units: units), rows: try row.int("n"))
            }
        }
    }

    /// Each source's months with their rows and cost, by source then month.
    public func billingSources() throws -> [BillingSourceMonth] {
        try engine.read { db in try Self.billingSources(source: nil, month: nil, db) }
    }

    /// Removes a source's rows (of `month` only, when given) in one write, and says what they were.
    public func deleteBilling(source: String, month: String?) throws -> [BillingSourceMonth] {
        try engine.write { db in
            let removed = try Self.billingSources(source: source, month: month, db)
            try db.execute("DELETE FROM billingLineItem WHERE source = ?\(month == nil ? "" : " AND month = ?")",
                           [.text(source)] + (month.map { [SQLValue.text($0)] } ?? []))
            return removed
        }
    }

    private static func billingSources(source: String?, month: String?, _ db: any SQLTransaction) throws -> [BillingSourceMonth] {
        let conditions = (source == nil ? [] : ["source = ?"]) + (month == nil ? [] : ["month = ?"])
        return try db.rows("""
            SELECT source, month, COUNT(*) AS n, CAST(SUM(cost) AS BIGINT) AS cost FROM billingLineItem\
            \(conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            GROUP BY source, month ORDER BY \(db.dialect.byteOrder("source", "month"))
            """, [source, month].compactMap { $0.map(SQLValue.text) }).map { row in
            let cost = try row.string("cost")
            guard let units = Int64(cost) else { throw SQLRowError.unexpected("SUM(billingLineItem.cost)", value: cost) }
            return BillingSourceMonth(source: try row.string("source"), month: try row.string("month"),
                                      rows: try row.int("n"), cost: BillingAmount(units: units))
        }
    }

    /// Resource id -> app, from rows that carried both.
    public func billingResources() throws -> [String: String] {
        try engine.read { db in
            var found: [String: String] = [:]
            for row in try db.rows("SELECT resourceId, app FROM billingResource") {
                found[try row.string("resourceId")] = try row.string("app")
            }
            return found
        }
    }
}
