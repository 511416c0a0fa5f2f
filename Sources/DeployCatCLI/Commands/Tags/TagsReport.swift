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
            per key and value. The estimate is the sum of the apps' monthly estimates (`deploycat cost \
            estimate`): apps whose specs give no usage, or whose model has no price, are named, never \
            counted as free. Inference profiles are those of the apps' current templates (logical id and \
            name): what Bedrock bills. --format csv has a header row whose first column is the key; JSON \
            money is a number.

            Examples:
              deploycat tags report --by CostCenter
              deploycat tags report --by deploycat:team --format csv
            """
    )

    @Option(help: ArgumentHelp("Group by this tag key (case-sensitive).", valueName: "key"))
    var by: String?

    @Option(help: "Only this team's apps.")
    var team: String?

    @OptionGroup var format: ListFormatOptions

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let report = try database.openWorkspace().apps.tagReport(key: by, team: team)
        switch format.chosen {
        case .json: return try Output.json(report)
        case .csv: return Output.line(CSV.render(Self.table(report, plainMoney: true)), terminator: "")
        case .table:
            guard !report.rows.isEmpty else { return Output.note("no live app" + (team.map { " of team \($0)" } ?? "")) }
            Output.line(Self.table(report).render())
            if let by, !report.rows.contains(where: { $0.value != nil }) {
                Output.warning("no app carries the tag key \"\(by)\" (keys are case-sensitive; `deploycat tags` lists them)")
            }
        }
    }

    /// With `plainMoney`, amounts as plain decimals (`1400.00`), for spreadsheets.
    static func table(_ report: TagReport, plainMoney: Bool = false) -> TextTable {
        let columns = ["APPS", "PATTERNS", "MODELS", "REGIONS", "INFERENCE PROFILES", "ESTIMATED MONTHLY (USD)",
                       "NOT ESTIMATED"]
        var table = TextTable(header: (report.key.map { [$0] } ?? ["KEY", "VALUE"]) + columns)
        for row in report.rows {
            let value = TextTable.Cell.text(row.value ?? "(none)")
            let cells: [TextTable.Cell] = [
                .list(row.apps), .list(row.patterns), .list(row.models), .list(row.regions),
                .list(row.inferenceProfiles.map { "\($0.name) (\($0.logicalId))" }),
                .text(row.estimatedMonthly.map { plainMoney ? CostEstimateCommand.amount($0) : CostEstimateCommand.money($0) } ?? (plainMoney ? "" : "-")),
                .list(row.unestimatedApps),
            ]
            table.add(row: (report.key == nil ? [.text(row.key), value] : [value]) + cells)
        }
        return table
    }
}
