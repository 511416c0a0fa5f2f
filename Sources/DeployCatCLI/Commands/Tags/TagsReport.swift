import ArgumentParser
import CatalogModel
import CatalogService
import Foundation

/// `deploycat tags report [--by KEY] [--team T]`.
struct TagsReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Group live apps by a tag's value: their patterns, models, inference profiles, Regions and estimated cost.",
        discussion: """
            With --by KEY, one row per value of the key (and one for the apps without it); otherwise one row \
            per key and value. KEY is read as cost reports read it: a key of an app, a default or the tag \
            policy, in any spelling (CostCenter, cost-center and user_cost_center are one key in billing). The estimate is the sum of the apps' monthly estimates (`deploycat cost \
            estimate`): apps whose specs give no usage, or whose model has no price, are named, never \
            counted as free. Inference profiles are those of the apps' current templates (logical id and \
            name): what Bedrock bills. --format csv has a header row whose first column is the key; JSON \
            money is a number.

            Examples:
              deploycat tags report --by CostCenter
              deploycat tags report --by deploycat:team --format csv
            """
    )

    @Option(help: ArgumentHelp("Group by this tag key, in any spelling billing exports use (CostCenter, user_cost_center).", valueName: "key"))
    var by: String?

    @Option(help: "Only this team's apps.")
    var team: String?

    @Flag(help: "Add the actual cost from imported billing exports (needs --by).")
    var actual = false

    @Option(help: ArgumentHelp("The month of the actual costs (default: the latest imported).", valueName: "YYYY-MM"))
    var month: String?

    @OptionGroup var format: ListFormatOptions

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if actual && by == nil { throw OptionConflict("--actual splits costs by one tag key: give --by KEY") }
        if month != nil && !actual { throw OptionConflict("--month is the month of the actual costs: give --actual") }
    }

    func run() throws {
        let workspace = try database.openWorkspace()
        var report = try workspace.apps.tagReport(key: by, team: team)
        if actual { report = try workspace.costs.addingActualCosts(to: report, month: month) }
        switch format.chosen {
        case .json: return try Output.json(report)
        case .csv: return Output.line(CSV.render(Self.table(report, plainMoney: true)), terminator: "")
        case .table:
            guard !report.rows.isEmpty else { return Output.note("no live app" + (team.map { " of team \($0)" } ?? "")) }
            Output.line(Self.table(report).render())
            if let month = report.month {
                Output.line()
                Output.line(Self.appTable(report).render())
                Output.note("actual costs of \(month)" + (report.latestMonth == true ? " (the latest month imported)" : "")
                    + ": \(MoneyText.dollars(report.actualTotal)) in all, \(MoneyText.dollars(report.actualWithoutValue)) "
                    + "without a value for \(report.key ?? "")")
            }
            if let by, !report.rows.contains(where: { $0.value != nil }) {
                Output.warning("no live app carries the tag key \"\(report.key ?? by)\"")
            }
        }
    }

    /// With `plainMoney`, amounts as plain decimals (`1400.00`), for spreadsheets.
    static func table(_ report: TagReport, plainMoney: Bool = false) -> TextTable {
        let columns = ["APPS", "TEAMS", "PATTERNS", "MODELS", "REGIONS", "INFERENCE PROFILES", "ESTIMATED MONTHLY (USD)",
                       "NOT ESTIMATED"] + (report.month == nil ? [] : ["ACTUAL (USD)"])
        var table = TextTable(header: (report.key.map { [$0] } ?? ["KEY", "VALUE"]) + columns)
        for row in report.rows {
            let value = TextTable.Cell.text(row.value ?? "(none)")
            let cells: [TextTable.Cell] = [
                .list(row.apps), .list(row.teams), .list(row.patterns), .list(row.models), .list(row.regions),
                .list(row.inferenceProfiles.map { "\($0.name) (\($0.logicalId))" }),
                .text(plainMoney ? MoneyText.plain(row.estimatedMonthly) : MoneyText.dollars(row.estimatedMonthly)),
                .list(row.unestimatedApps),
            ] + (report.month == nil ? [] : [.text(plainMoney ? MoneyText.plain(row.actual) : MoneyText.dollars(row.actual))])
            table.add(row: (report.key == nil ? [.text(row.key), value] : [value]) + cells)
        }
        return table
    }

    /// Each value's apps, estimate beside actual cost.
    static func appTable(_ report: TagReport) -> TextTable {
        var table = TextTable(report.key ?? "VALUE", "APP", "ESTIMATED MONTHLY (USD)", "ACTUAL (USD)")
        for row in report.rows {
            for app in row.appCosts {
                table.add(row.value ?? "(none)", app.app, MoneyText.dollars(app.estimatedMonthly), MoneyText.dollars(app.actual))
            }
        }
        return table
    }
}
