import CatalogTestSupport
import Foundation
import Testing

/// Inputs deploycat accepts that look like spreadsheet formulas (AWS tag values may hold
/// `= + - @`): every CSV report that echoes them writes them with a `'` first, so a
/// spreadsheet shows them as text; amounts stay numbers, negative ones too.
@Suite struct FormulaNeutralizationTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    let database: String

    /// Accepted values that a spreadsheet would run, as the specs and the billing export write them.
    static let formulas = ["=1+2", "@SUM", "-2+3", "+cmd", "=cmd|' /C calc'!A0"]

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
        database = deploycat.database
        let spec = folder.path("formula-app.yaml")
        try """
            name: formula-app
            team: platform
            pattern: lambda-bedrock-inference-profile
            regions: [us-east-1]
            tags: { cost-center: "=1+2", product: "@SUM", owner: "-2+3", note: "+cmd" }
            usage: { requestsPerMonth: 1000, inputTokensPerRequest: 100, outputTokensPerRequest: 10 }
            properties:
              bedrockModelId: anthropic.claude-haiku-4-5-20251001-v1:0
              lambdaFunctionProps:
                handler: index.handler
                code: { inline: "exports.handler = async () => 1;" }
            """.write(toFile: spec, atomically: true, encoding: .utf8)
        let applied = try deploycat.run("apply", "-f", spec, "--db", database)
        #expect(applied.status == 0, "\(applied.stderr)")
        let export = folder.path("cur2.csv")
        let header = "bill_payer_account_id,identity_line_item_id,line_item_usage_start_date,line_item_product_code,"
            + "line_item_usage_type,line_item_resource_id,line_item_unblended_cost,resource_tags"
        func row(_ id: String, _ cost: String, _ tags: String) -> String {
            "123456789012,\(id),2025-01-03T00:00:00.000Z,AmazonBedrock,USE1-ClaudeHaiku4.5-input-tokens,"
                + "arn:aws:lambda:us-east-1:123456789012:function:x-\(id),\(cost),\"\(tags)\""
        }
        try ([header, row("a", "1.25", #"{""user_cost_center"": ""=cmd|' /C calc'!A0"", ""user_deploycat_app"": ""formula-app""}"#),
              row("b", "-12.50", #"{""user_cost_center"": ""credit""}"#),
              row("c", "2.00", #"{""user_cost_center"": ""@SUM(A1:A9)""}"#)].joined(separator: "\n") + "\n")
            .write(toFile: export, atomically: true, encoding: .utf8)
        let imported = try deploycat.run("cost", "import", export, "--db", database)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    func csv(_ arguments: String...) throws -> [[String]] {
        let result = try deploycat.run(arguments + ["--db", database])
        #expect(result.status == 0, "\(result.stderr)")
        return Self.records(result.stdout)
    }

    /// RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks.
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false, afterQuote = false
        for scalar in text.unicodeScalars {
            if quoted {
                if scalar == "\"" { quoted = false; afterQuote = true } else { field.unicodeScalars.append(scalar) }
                continue
            }
            switch scalar {
            case "\"":
                if afterQuote { field += "\"" }
                quoted = true
            case ",": record.append(field); field = ""
            case "\r": break
            case "\n": record.append(field); records.append(record); record = []; field = ""
            default: field.unicodeScalars.append(scalar)
            }
            afterQuote = false
        }
        return records
    }

    /// No cell starts a formula: each starts otherwise, with `'`, or is a plain number or a lone `-`.
    static func expectNeutral(_ records: [[String]], sourceLocation: SourceLocation = #_sourceLocation) {
        for cell in records.joined() {
            guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), cell != "-" else { continue }
            #expect(Double(cell) != nil && !cell.contains(where: { $0.isLetter }), "formula cell \(cell)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func tagsReport() throws {
        let records = try csv("tags", "report", "--by", "cost-center", "--format", "csv")
        Self.expectNeutral(records)
        #expect(records.contains { $0.first == "'=1+2" }, "\(records)")
        let all = try csv("tags", "report", "--format", "csv")
        Self.expectNeutral(all)
        for value in ["'=1+2", "'@SUM", "'-2+3", "'+cmd"] {
            #expect(all.joined().contains(value), "\(value) is not in \(all)")
        }
    }

    @Test func appsList() throws {
        let records = try csv("apps", "list", "--format", "csv")
        Self.expectNeutral(records)
        #expect(records.contains { $0.first == "formula-app" })
    }

    @Test func costReportKeepsNegativeAmountsAsNumbers() throws {
        let records = try csv("cost", "report", "--by", "cost-center", "--format", "csv")
        Self.expectNeutral(records)
        #expect(records.contains { $0.first == "'=cmd|' /C calc'!A0" && $0.dropFirst().first == "1.25" }, "\(records)")
        #expect(records.contains { $0.first == "'@SUM(A1:A9)" }, "\(records)")
        #expect(records.contains { $0.first == "credit" && $0.dropFirst().first == "-12.50" }, "\(records)")
    }
}
