import CatalogModel
import ArgumentParser
import CatalogService
import Foundation

/// `deploycat cost report`.
struct CostReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Actual costs from imported billing exports, by app, team, model or tag, beside the estimates.",
        discussion: """
            A row belongs to an app by its deploycat:app tag; else by its resource, when a tagged \
            row of the same resource was imported (an application inference profile's ARN), or when \
            the ARN names a resource deploycat names after the app (a Lambda function, a Step \
            Functions state machine, a SageMaker endpoint). Other rows are unattributed. By team or \
            tag, a row's own tag decides, else its app's spec. By model, Bedrock usage is summed per \
            model (from the usage type, as the catalog names it where it can) and app. ESTIMATE is \
            `cost estimate`'s monthly total of the group's apps.

            Examples:
              deploycat cost report
              deploycat cost report --by CostCenter --month 2025-01 --format csv
            """
    )

    @Option(help: ArgumentHelp("Group by app, team, model, or a tag key the catalog knows.", valueName: "app|team|model|KEY"))
    var by = "app"

    @Option(help: ArgumentHelp("The month (default: the latest imported).", valueName: "YYYY-MM"))
    var month: String?

    @OptionGroup var format: ListFormatOptions

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let report = try database.openWorkspace(creating: false).costs.report(by: CostGrouping(by), month: month)
        let byModel = report.by == "model"
        let first = ["app", "team", "model"].contains(report.by) ? report.by.uppercased() : report.by
        var rows = report.rows.map { row in
            [row.value] + (byModel ? [row.app ?? ""] : []) + [MoneyText.dollars(row.actual), MoneyText.dollars(row.estimate)]
        }
        var plain = report.rows.map { row in
            [row.value] + (byModel ? [row.app ?? ""] : []) + [MoneyText.plain(row.actual), MoneyText.plain(row.estimate)]
        }
        if let other = report.otherServices, other != 0 {
            rows.append(["(other services)", "", MoneyText.dollars(other), "-"])
            plain.append(["(other services)", "", MoneyText.plain(other), ""])
        }
        if !byModel, report.unattributed != 0 {
            rows.append([CostService.unattributedLabel, MoneyText.dollars(report.unattributed), "-"])
            plain.append([CostService.unattributedLabel, MoneyText.plain(report.unattributed), ""])
        }
        switch format.chosen {
        case .json:
            try Output.json(report)
        case .csv:
            // Grouped by a tag key, the first column is named after it (`CostCenter`).
            let header = [report.by] + (byModel ? ["app"] : []) + ["actual", "estimate"]
            Output.line(CSV.render(header: header, rows: plain), terminator: "")
        case .table:
            Output.line("\(report.month)" + (report.latestMonth ? " (the latest month imported)" : "")
                + ": \(Formatting.count(report.lineItems, "billing row")), USD")
            var table = TextTable()
            table.header = [first] + (byModel ? ["APP"] : []) + ["ACTUAL", "ESTIMATE"]
            for row in rows { table.rows.append(row.map { .text($0) }) }
            Output.line(table.render())
            Output.line("total: \(MoneyText.dollars(report.total))"
                + (report.unattributed != 0 ? ", \(MoneyText.dollars(report.unattributed)) of it unattributed" : ""))
        }
    }
}
