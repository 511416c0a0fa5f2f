import CatalogModel
@testable import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// An import keeps each line item of a source's month once, the later row, however far apart
/// the two rows come (in one batch or thousands of rows apart), on both engines.
@Suite struct BillingImportWriterTests {
    func item(_ key: String, cost: Int64, month: String = "2025-02", source: String = "cur:1") -> BillingLineItem {
        BillingLineItem(source: source, month: month, key: key, usageStart: "\(month)-03T00:00:00Z", productCode: "AmazonBedrock",
                        usageType: "USE1-input-tokens", resourceId: "", tags: [:], cost: BillingAmount(units: cost))
    }

    /// `key cost` of the stored rows of a month, by key.
    func stored(_ catalog: SQLCatalogRepository, month: String = "2025-02") throws -> [String] {
        try catalog.engine.read { db in
            try db.rows("SELECT lineItemKey, cost FROM billingLineItem WHERE month = ? ORDER BY \(db.dialect.byteOrder("lineItemKey"))",
                        .text(month)).map { "\(try $0.string("lineItemKey")) \(try $0.int("cost"))" }
        }
    }

    @Test(arguments: Engine.available) func aRepeatedLineItemKeepsItsLaterRowWhereverItComes(engine: Engine) throws {
        let catalog = try engine.newCatalog()
        let filler = (0..<(BillingImportWriter.batchSize + 10)).map { item(String(format: "f%05d", $0), cost: 1) }
        let totals = try catalog.importBilling { writer in
            try writer.add(item("a", cost: 10))
            try writer.add(item("b", cost: 20))
            try writer.add(item("a", cost: 11))  // in the same batch
            for row in filler { try writer.add(row) }
            try writer.add(item("b", cost: 21))  // a batch later
            try writer.add(item("a", cost: 12))
            try writer.add(item("a", cost: 5, month: "2025-03"))  // another month: another line item
        }
        let rows = try stored(catalog)
        #expect(rows.count == filler.count + 2)
        #expect(Array(rows.prefix(2)) == ["a 12", "b 21"])
        #expect(try stored(catalog, month: "2025-03") == ["a 5"])
        #expect(totals.months.map { "\($0.month) \($0.rows)" } == ["2025-02 \(filler.count + 2)", "2025-03 1"])
    }

    @Test(arguments: Engine.available) func importingAMonthAgainReplacesItsRows(engine: Engine) throws {
        let catalog = try engine.newCatalog()
        _ = try catalog.importBilling { writer in
            for key in ["a", "b", "c"] { try writer.add(item(key, cost: 1)) }
        }
        let again = try catalog.importBilling { writer in
            try writer.add(item("a", cost: 2))
            try writer.add(item("d", cost: 2))
        }
        #expect(try stored(catalog) == ["a 2", "d 2"])
        #expect(again.months.map(\.replaced) == [3] && again.months.map(\.rows) == [2])
    }

    @Test(arguments: Engine.available) func aMonthGivenTwiceInOneImportKeepsEachLineItemOnce(engine: Engine) throws {
        let catalog = try engine.newCatalog()
        // More repeated line items than are remembered one by one: the whole month is checked.
        let keys = (0...BillingImportWriter.repeatedKeysKept).map { String(format: "k%05d", $0) }
        _ = try catalog.importBilling { writer in
            for key in keys { try writer.add(item(key, cost: 1)) }
            for key in keys { try writer.add(item(key, cost: 2)) }
        }
        let rows = try stored(catalog)
        #expect(rows.count == keys.count && rows.allSatisfy { $0.hasSuffix(" 2") })
    }
}
