import CatalogModel
@testable import CatalogService
import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// Importing billing exports and reporting actual costs, on both engines. The fixtures hold the
/// same seven charges of January 2025 in each format: support-chat's profile (untagged early in
/// the month, then tagged), its Lambda function by name, claims-batch's state machine by name,
/// an S3 bucket of no app, and an instance tagged with a cost center only.
@Suite struct CostImportTests {
    static let fixtures = ["cur-2025-01.csv", "cur2-2025-01.csv", "focus-2025-01.csv", "cur2-2025-01.csv.gz"]

    struct Catalog {
        let repository: SQLCatalogRepository
        let apps: AppService
        let costs: CostService
        let folder = try! TemporaryDirectory()

        init(_ engine: Engine) throws {
            repository = try engine.newCatalog()
            apps = AppService(repository: repository)
            costs = CostService(repository: repository)
            _ = try apps.apply(paths: ["support-chat.yaml", "claims-batch.yaml"].map {
                PackagePaths.root.appendingPathComponent("examples/\($0)").path
            })
        }

        func write(_ name: String, _ text: String) throws -> String {
            let path = folder.path(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func fixture(_ name: String) -> String { PackagePaths.fixture("billing/\(name)") }

        /// Rows of `name` with line `number` (from 1, the header) changed by `edit`.
        func edited(_ name: String, as newName: String, _ edit: (inout [String]) -> Void) throws -> String {
            var lines = try String(contentsOfFile: fixture(name), encoding: .utf8).split(separator: "\n").map(String.init)
            edit(&lines)
            return try write(newName, lines.joined(separator: "\n") + "\n")
        }
    }

    @Test(arguments: Engine.available, fixtures)
    func eachFormatIsReadAndAttributed(engine: Engine, file: String) throws {
        let catalog = try Catalog(engine)
        let imported = try catalog.costs.importExports(paths: [catalog.fixture(file)])
        let format: BillingFormat = file.hasPrefix("cur2") ? .cur2 : file.hasPrefix("cur") ? .cur : .focus
        #expect(imported.files.map(\.format) == [format])
        #expect(imported.files.map(\.gzip) == [file.hasSuffix(".gz")])
        #expect(imported.rows == 7)
        #expect(imported.months.map(\.source) == ["\(format.rawValue):123456789012"])
        #expect(imported.months.map(\.month) == ["2025-01"])
        #expect(imported.attributed == Decimal(string: "1.88") && imported.unattributed == 5)

        let report = try catalog.costs.report(by: .app)
        #expect(report.month == "2025-01" && report.latestMonth)
        // The profile's untagged row by the ARN its tagged rows carry; the function and the state
        // machine by the names deploycat gives them; the bucket and the instance by nothing.
        #expect(report.rows.map(\.value) == ["claims-batch", "support-chat"])
        #expect(report.rows.map(\.actual) == [Decimal(string: "0.03"), Decimal(string: "1.85")])
        #expect(report.unattributed == 5 && report.total == Decimal(string: "6.88") && report.lineItems == 7)
        // Estimates are `cost estimate`'s.
        #expect(report.rows.map(\.estimate) == [try catalog.apps.costEstimate(app: "claims-batch").monthlyTotal,
                                                 try catalog.apps.costEstimate(app: "support-chat").monthlyTotal])
    }

    @Test(arguments: Engine.available)
    func gzipIsToldByItsBytesNotItsName(engine: Engine) throws {
        let catalog = try Catalog(engine)
        let renamed = catalog.folder.path("export.csv")
        try FileManager.default.copyItem(atPath: catalog.fixture("cur2-2025-01.csv.gz"), toPath: renamed)
        let imported = try catalog.costs.importExports(paths: [renamed])
        #expect(imported.files.map(\.gzip) == [true] && imported.rows == 7)
        let plain = catalog.folder.path("export.csv.gz")
        try FileManager.default.copyItem(atPath: catalog.fixture("cur2-2025-01.csv"), toPath: plain)
        #expect(try catalog.costs.importExports(paths: [plain]).files.map(\.gzip) == [false])
    }

    @Test(arguments: Engine.available)
    func groupsByTeamTagAndModel(engine: Engine) throws {
        let catalog = try Catalog(engine)
        _ = try catalog.costs.importExports(paths: [catalog.fixture("cur2-2025-01.csv")])
        // The spec says cost-center; the export says user_cost_center: one key, shown as the catalog spells it.
        for key in ["CostCenter", "cost-center", "user_cost_center"] {
            let byKey = try catalog.costs.report(by: .tag(key))
            #expect(byKey.by == "cost-center")
            #expect(byKey.rows.map(\.value) == ["CL-3301", "CX-1042", "FIN-7"])
            // support-chat's untagged rows take its spec's value; the instance's own tag counts.
            #expect(byKey.rows.first { $0.value == "CX-1042" }?.actual == Decimal(string: "1.85"))
            #expect(byKey.rows.first { $0.value == "FIN-7" }?.actual == 3)
            #expect(byKey.rows.first { $0.value == "CX-1042" }?.estimate == Decimal(1400))
            #expect(byKey.rows.first { $0.value == "FIN-7" }?.estimate == nil)
            #expect(byKey.unattributed == 2)
        }
        let byTeam = try catalog.costs.report(by: .team)
        #expect(byTeam.rows.map(\.value) == ["claims-ops", "customer-experience"])
        #expect(byTeam.unattributed == 5)
        let byModel = try catalog.costs.report(by: .model)
        #expect(byModel.rows.map(\.value) == ["anthropic.claude-haiku-4-5-20251001-v1:0"])
        #expect(byModel.rows.map(\.app) == ["support-chat"])
        #expect(byModel.rows.map(\.actual) == [Decimal(string: "1.75")])
        #expect(byModel.otherServices == Decimal(string: "5.13"))

        let tags = try catalog.costs.actualCostsByTag(key: "CostCenter")
        #expect(tags.key == "cost-center")
        #expect(tags.values.map(\.value) == ["CL-3301", "CX-1042", "FIN-7"])
        #expect(tags.values.map(\.apps) == [[.init(app: "claims-batch", actual: Decimal(string: "0.03")!)],
                                             [.init(app: "support-chat", actual: Decimal(string: "1.85")!)], []])
        #expect(tags.values.last?.unattributed == 3)
        #expect(tags.untagged == 2 && tags.total == Decimal(string: "6.88"))
    }

    @Test(arguments: Engine.available)
    func resourcesLearnedInOneImportAttributeLaterOnes(engine: Engine) throws {
        let catalog = try Catalog(engine)
        // February: the profile's rows carry no tags at all.
        let february = try catalog.edited("cur-2025-01.csv", as: "feb.csv") { lines in
            lines = [lines[0], lines[1].replacingOccurrences(of: "2025-01-03", with: "2025-02-03")
                .replacingOccurrences(of: "li-0000", with: "li-feb")]
        }
        _ = try catalog.costs.importExports(paths: [february])
        #expect(try catalog.costs.report(by: .app, month: "2025-02").unattributed == Decimal(string: "0.5"))
        _ = try catalog.costs.importExports(paths: [catalog.fixture("cur-2025-01.csv")])
        let report = try catalog.costs.report(by: .app, month: "2025-02")
        #expect(report.rows.map(\.value) == ["support-chat"] && report.unattributed == 0)
    }

    @Test(arguments: Engine.available)
    func importingAgainReplacesTheMonth(engine: Engine) throws {
        let catalog = try Catalog(engine)
        let file = catalog.fixture("focus-2025-01.csv")
        _ = try catalog.costs.importExports(paths: [file])
        // The same file twice, in one import and in another: nothing doubles.
        let again = try catalog.costs.importExports(paths: [file, file])
        #expect(again.months.map(\.replaced) == [7] && again.months.map(\.rows) == [7] && again.duplicates == 7)
        #expect(try catalog.costs.report(by: .app).total == Decimal(string: "6.88"))
        // A corrected export of the month: the bucket's row gone, the instance's cost changed.
        let corrected = try catalog.edited("focus-2025-01.csv", as: "corrected.csv") { lines in
            lines.remove(at: 6)
            lines[6] = lines[6].replacingOccurrences(of: "3.0000000000,3.0000000000", with: "4.5,4.5")
        }
        let replaced = try catalog.costs.importExports(paths: [corrected])
        #expect(replaced.months.map(\.replaced) == [7] && replaced.months.map(\.rows) == [6])
        #expect(try catalog.costs.report(by: .app).total == Decimal(string: "6.38"))
        // Another source's rows of the same month stay, and are added.
        let other = try catalog.costs.importExports(paths: [catalog.fixture("cur-2025-01.csv")], source: "legacy")
        #expect(other.months.map(\.replaced) == [0] && other.otherSources == ["2025-01": ["focus:123456789012"]])
        let both = try catalog.costs.report(by: .app)
        #expect(both.total == Decimal(string: "13.25"))
    }

    @Test(arguments: Engine.available)
    func badRowsAreAllNamedAndNothingIsWritten(engine: Engine) throws {
        let catalog = try Catalog(engine)
        _ = try catalog.costs.importExports(paths: [catalog.fixture("cur-2025-01.csv")])
        let bad = try catalog.edited("cur-2025-01.csv", as: "bad.csv") { lines in
            lines[2] = lines[2].replacingOccurrences(of: "1.2500000000", with: "\"1,25\"")
            lines[4] = lines[4].replacingOccurrences(of: "2025-01-21T00:00:00Z", with: "21/01/2025")
            lines[5] = lines[5].replacingOccurrences(of: "0.0250000000", with: "")
        }
        let error = #expect(throws: BillingError.self) {
            try catalog.costs.importExports(paths: [catalog.fixture("cur2-2025-01.csv"), bad])
        }
        #expect(error?.description == """
            3 rows cannot be read; nothing was imported:
            \(bad) (line 3): lineItem/UnblendedCost "1,25" is not an amount (expected a decimal number such as 0.0125)
            \(bad) (line 5): lineItem/UsageStartDate "21/01/2025" is not a date and time (expected 2025-01-31T23:00:00Z or 2025-01-31 23:00:00)
            \(bad) (line 6): lineItem/UnblendedCost (empty) is not an amount (expected a decimal number such as 0.0125)
            """)
        // Neither file's rows went in: the month holds the first import's, once.
        let report = try catalog.costs.report(by: .app)
        #expect(report.lineItems == 7 && report.total == Decimal(string: "6.88"))
    }

    @Test(arguments: Engine.available)
    func filesThatAreNoExportAreRefusedBeforeTheDatabaseIsTouched(engine: Engine) throws {
        let catalog = try Catalog(engine)
        let empty = try catalog.write("empty.csv", "")
        let binary = catalog.folder.path("binary.csv")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: binary))
        let unknown = try catalog.write("unknown.csv", "date,amount,lineItem/UsageType\n2025-01-01,3\n")
        let truncated = catalog.folder.path("truncated.gz")
        try Data(try Data(contentsOf: URL(fileURLWithPath: catalog.fixture("cur2-2025-01.csv.gz"))).prefix(200))
            .write(to: URL(fileURLWithPath: truncated))
        let brokenGzip = catalog.folder.path("broken.gz")
        try Data([0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0xFF, 0xFF, 0xFF, 0xFF]).write(to: URL(fileURLWithPath: brokenGzip))
        let cases: [(String, String)] = [
            (catalog.folder.path("missing.csv"), "\(catalog.folder.path("missing.csv")): cannot be read: no such file"),
            (empty, "\(empty): is empty; a billing export starts with a header row"),
            (binary, "\(binary): is not a billing export (CSV, plain or gzip-compressed): its first line is not text"),
            (brokenGzip, "\(brokenGzip): is not a billing export (CSV, plain or gzip-compressed): it starts like gzip but its data is damaged"),
            (truncated, "\(truncated): is not a billing export (CSV, plain or gzip-compressed): the gzip data ends early (a truncated download?)"),
        ]
        for (path, message) in cases {
            let error = #expect(throws: BillingError.self) { try catalog.costs.importExports(paths: [path]) }
            #expect(error?.description == message)
        }
        let error = #expect(throws: BillingError.self) { try catalog.costs.importExports(paths: [unknown]) }
        let lines = error?.description.split(separator: "\n").map(String.init) ?? []
        #expect(lines.first == "\(unknown): the header is not that of a billing export deploycat reads:")
        #expect(lines.contains("  CUR 2.0 (cur2) needs identity_line_item_id, line_item_resource_id, line_item_unblended_cost, "
            + "line_item_usage_start_date, line_item_product_code, line_item_usage_type; missing: identity_line_item_id, "
            + "line_item_resource_id, line_item_unblended_cost, line_item_usage_start_date, line_item_product_code, "
            + "line_item_usage_type"))
        #expect(lines.contains { $0.hasPrefix("  legacy Cost and Usage Report (cur) needs ") && $0.hasSuffix("missing: "
            + "identity/LineItemId, lineItem/ResourceId, lineItem/UnblendedCost, lineItem/UsageStartDate, lineItem/ProductCode") })
        #expect(throws: BillingError.noCosts) { try catalog.costs.report(by: .app) }
    }

    @Test(arguments: Engine.available)
    func reportArgumentsAreChecked(engine: Engine) throws {
        let catalog = try Catalog(engine)
        _ = try catalog.costs.importExports(paths: [catalog.fixture("cur-2025-01.csv")])
        #expect(throws: BillingError.badMonth("2025-1")) { try catalog.costs.report(by: .app, month: "2025-1") }
        #expect(throws: BillingError.unknownKey("Project", known: ["cost-center", "deploycat:app", "deploycat:stage",
                                                                    "deploycat:team", "product"])) {
            try catalog.costs.report(by: .tag("Project"))
        }
        #expect(throws: BillingError.noCostsInMonth("2024-12", latest: "2025-01")) {
            try catalog.costs.report(by: .app, month: "2024-12")
        }
        #expect(throws: BillingError.badSource("two words")) {
            try catalog.costs.importExports(paths: [catalog.fixture("cur-2025-01.csv")], source: "two words")
        }
    }
}
