import CatalogTestSupport
import Foundation
import Testing

/// `cost import` and `cost report` as a user runs them: what they print in each format, and
/// what they refuse.
@Suite struct CostCommandTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    let database: String

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
        database = deploycat.database
        let examples = PackagePaths.root.appendingPathComponent("examples")
        let applied = try deploycat.run("apply", "-f", examples.appendingPathComponent("support-chat.yaml").path,
                                        "-f", examples.appendingPathComponent("claims-batch.yaml").path, "--db", database)
        #expect(applied.status == 0, "\(applied.stderr)")
    }

    func run(_ arguments: String...) throws -> DeployCatProcess.Result {
        try deploycat.run(arguments + ["--db", database])
    }

    func fixture(_ name: String) -> String { PackagePaths.fixture("billing/\(name)") }

    @Test func importPrintsWhatItReadAndWrote() throws {
        let imported = try run("cost", "import", fixture("cur2-2025-01.csv.gz"))
        #expect(imported.status == 0, "\(imported.stderr)")
        let lines = imported.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("\(fixture("cur2-2025-01.csv.gz")) CUR 2.0, gzip 7 rows"))
        #expect(lines.contains("cur2:123456789012 2025-01 7 0 $6.88 $1.88 $5.00"))
        #expect(lines.last == "imported 7 rows from 1 file (1 month): $1.88 attributed to apps, $5.00 unattributed; 0 rows replaced")
        let again = try run("cost", "import", fixture("cur2-2025-01.csv"), "--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        let month = try #require((json["months"] as? [[String: Any]])?.first)
        #expect(month["replaced"] as? Int == 7 && month["rows"] as? Int == 7)
        #expect((month["cost"] as? NSNumber)?.decimalValue == Decimal(string: "6.88"))
    }

    @Test func reportShapes() throws {
        #expect(try run("cost", "import", fixture("focus-2025-01.csv")).status == 0)
        let table = try run("cost", "report")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout == """
            2025-01 (the latest month imported): 7 billing rows, USD
            APP             ACTUAL  ESTIMATE
            claims-batch    $0.03   $168.00
            support-chat    $1.85   $1,400.00
            (unattributed)  $5.00   -
            total: $6.88, $5.00 of it unattributed

            """)
        let csv = try run("cost", "report", "--by", "CostCenter", "--format", "csv")
        #expect(csv.stdout == "cost-center,actual,estimate\r\nCL-3301,0.03,168.00\r\nCX-1042,1.85,1400.00\r\n"
            + "FIN-7,3.00,\r\n(unattributed),2.00,\r\n")
        let json = try run("cost", "report", "--by", "model", "--month", "2025-01", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["by"] as? String == "model" && object["month"] as? String == "2025-01")
        #expect(object["latestMonth"] as? Bool == false)
        let row = try #require((object["rows"] as? [[String: Any]])?.first)
        #expect(row["value"] as? String == "anthropic.claude-haiku-4-5-20251001-v1:0" && row["app"] as? String == "support-chat")
        // Money is a number, not text.
        #expect(row["actual"] is NSNumber && (row["actual"] as? NSNumber)?.decimalValue == Decimal(string: "1.75"))
        #expect((object["total"] as? NSNumber)?.decimalValue == Decimal(string: "6.88"))
        #expect(json.stdout.contains("\"total\" : 6.88"))
    }

    @Test func appsWithoutTheKeyHaveTheirEstimateBesideNone() throws {
        #expect(try run("tags", "defaults", "set", "Owner=platform", "--team", "customer-experience").status == 0)
        #expect(try run("cost", "import", fixture("focus-2025-01.csv")).status == 0)
        // claims-batch has no Owner: its cost and its estimate are the (none) row's.
        #expect(try run("cost", "report", "--by", "Owner", "--format", "csv").stdout
            == "Owner,actual,estimate\r\n(none),0.03,168.00\r\nplatform,1.85,1400.00\r\n(unattributed),5.00,\r\n")
    }

    @Test func badInputIsRefusedAndNothingIsWritten() throws {
        #expect(try run("cost", "import", fixture("cur-2025-01.csv")).status == 0)
        let before = try run("cost", "report", "--format", "csv").stdout
        let unknown = folder.path("unknown.csv")
        try "a,b,c\n1,2,3\n".write(toFile: unknown, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["cost", "import", folder.path("missing.csv")], "Error: \(folder.path("missing.csv")): cannot be read: no such file"),
            (["cost", "import", fixture("cur2-2025-01.csv"), unknown],
             "Error: \(unknown): the header is not that of a billing export deploycat reads:"),
            (["cost", "report", "--month", "January"], "Error: --month \"January\" is not a month; write YYYY-MM, such as 2025-01"),
            (["cost", "report", "--by", "Project"], "Error: --by \"Project\" is not app, team, model or a tag key the catalog knows; "
                + "known keys: cost-center, deploycat:app, deploycat:stage, deploycat:team, product"),
        ]
        for (arguments, message) in cases {
            let result = try deploycat.run(arguments + ["--db", database])
            #expect(result.status != 0)
            #expect(result.errorLines.first == message)
        }
        #expect(try run("cost", "report", "--format", "csv").stdout == before)
    }

    /// The tag report with actual costs: a key in the policy's spelling finds CUR 2.0's
    /// normalized key, and each app's actual cost stands beside its estimate.
    @Test func tagsReportShowsActualCostsBesideEstimatesInThePolicysSpelling() throws {
        #expect(try run("cost", "import", fixture("cur2-2025-01.csv.gz")).status == 0)
        let policy = folder.path("policy.json")
        try #"{"tags": {"cost-center": {"tag_key": "Cost-Center"}}}"#.write(toFile: policy, atomically: true, encoding: .utf8)
        #expect(try run("tags", "policy", "set", "-f", policy).status == 0)

        let report = try #require(try JSONSerialization.jsonObject(with: Data(
            run("tags", "report", "--by", "cost-center", "--actual", "--format", "json").stdout.utf8)) as? [String: Any])
        #expect(report["key"] as? String == "Cost-Center" && report["month"] as? String == "2025-01")
        let rows = try #require(report["rows"] as? [[String: Any]])
        let cx = try #require(rows.first { $0["value"] as? String == "CX-1042" })
        #expect((cx["actual"] as? NSNumber)?.decimalValue == Decimal(string: "1.85"))
        let chat = try #require((cx["appCosts"] as? [[String: Any]])?.first { $0["app"] as? String == "support-chat" })
        #expect((chat["actual"] as? NSNumber)?.decimalValue == Decimal(string: "1.85"))
        #expect((chat["estimatedMonthly"] as? NSNumber)?.decimalValue == Decimal(1400))
        // A value only billing rows carry has a row of its own
        #expect(rows.contains { $0["value"] as? String == "FIN-7" && ($0["apps"] as? [String])?.isEmpty == true })

        let table = try run("tags", "report", "--by", "Cost-Center", "--actual", "--month", "2025-01")
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix("CX-1042") && $0.hasSuffix("$1.85") })
        #expect(table.stderr.contains("actual costs of 2025-01: $6.88 in all, $2.00 without a value for Cost-Center"))
        let noKey = try run("tags", "report", "--actual")
        #expect(noKey.status == 1 && noKey.stderr.contains("--actual splits costs by one tag key: give --by KEY"))
    }

    /// A line item id is unique within a delivery, not across months: the same ids in another
    /// month's export are other rows, and importing one month never removes another's.
    @Test func theSameLineItemIdsInAnotherMonthAreOtherRows() throws {
        let march = folder.path("cur-2025-03.csv")
        let january = try String(contentsOfFile: fixture("cur-2025-01.csv"), encoding: .utf8)
        try january.replacingOccurrences(of: "2025-01-", with: "2025-03-").write(toFile: march, atomically: true, encoding: .utf8)
        #expect(try run("cost", "import", fixture("cur-2025-01.csv")).status == 0)
        let second = try run("cost", "import", march)
        #expect(second.stdout.split(separator: "\n").contains { $0.split(separator: " ").joined(separator: " ") == "cur:123456789012 2025-03 7 0 $6.88 $1.88 $5.00" })
        for month in ["2025-01", "2025-03"] {
            #expect(try run("cost", "report", "--month", month).stdout.contains("total: $6.88"), "\(month)")
        }
        let missing = try run("cost", "report", "--month", "2024-12")
        #expect(missing.status == 1 && missing.stderr.contains("no billing data for 2024-12; the latest month imported is 2025-03"))
    }

    /// A source imported by mistake is listed and removed; a month re-imported from part of its
    /// export, and rows tagged with an app the catalog never had, are warned of.
    @Test func sourcesAreListedAndAMistakenOneRemoved() throws {
        #expect(try run("cost", "import", fixture("cur-2025-01.csv")).status == 0)
        #expect(try run("cost", "import", fixture("focus-2025-01.csv"), "--source", "manual").status == 0)
        let listed = try run("cost", "sources").stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(listed == ["SOURCE MONTH ROWS COST (USD)", "cur:123456789012 2025-01 7 $6.88", "manual 2025-01 7 $6.88"])
        #expect(try run("cost", "report").stdout.contains("total: $13.75"))  // 6.875 twice, rounded once
        let typo = try run("cost", "delete", "--source", "manul")
        #expect(typo.status == 1 && typo.stderr.contains("(did you mean \"manual\"?)"))
        #expect(try run("cost", "delete", "--source", "manual", "--dry-run").stdout
            == "dry run, nothing removed: would remove 7 rows of manual (2025-01): $6.88\n")
        #expect(try run("cost", "delete", "--source", "manual").status == 0)
        #expect(try run("cost", "report").stdout.contains("total: $6.88"))

        let part = folder.path("part.csv")
        let lines = try String(contentsOfFile: fixture("cur-2025-01.csv"), encoding: .utf8).split(separator: "\n")
        try (lines.prefix(3).joined(separator: "\n") + "\n").replacingOccurrences(of: ",support-chat,", with: ",support-chta,")
            .write(toFile: part, atomically: true, encoding: .utf8)
        let partial = try run("cost", "import", part)
        #expect(partial.stderr.contains("2025-01 of cur:123456789012 now holds 2 rows, 7 before"))
        #expect(partial.stderr.contains("names no app of the catalog has: support-chta"))
    }

    /// Two exports of one account in a month are warned of, in one command or two; exports of
    /// other accounts are not.
    @Test func onlyExportsThatMayBeTheSameAccountsAreWarnedOf() throws {
        let other = folder.path("focus-other-account.csv")
        try String(contentsOfFile: fixture("focus-2025-01.csv"), encoding: .utf8)
            .replacingOccurrences(of: "123456789012", with: "999999999999").write(toFile: other, atomically: true, encoding: .utf8)
        let accounts = try run("cost", "import", fixture("cur-2025-01.csv"), other)
        #expect(accounts.status == 0 && !accounts.stderr.contains("also holds"))
        let same = try run("cost", "import", fixture("cur2-2025-01.csv"))
        #expect(same.stderr.contains("2025-01 also holds rows of cur:123456789012"))
        #expect(!same.stderr.contains("focus:999999999999"))
    }
}
