import CatalogModel
import ArgumentParser
import Foundation
import CatalogService

/// `deploycat cost sources`: what billing rows the catalog holds, by source and month.
struct CostSourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List the billing sources imported, with each month's rows and cost.",
        discussion: """
            A source is what `cost import --source` named, else the export's format and payer account \
            (cur2:123456789012). Two sources of the same account in one month (a legacy CUR and a CUR \
            2.0) count its costs twice; `deploycat cost delete --source S` removes one.
            """
    )

    @Flag(help: "Print a JSON array.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let sources = try database.openWorkspace().costs.sources()
        if json { return try Output.json(sources) }
        guard !sources.isEmpty else { return Output.note("no billing data has been imported; `deploycat cost import FILE...`") }
        var table = TextTable("SOURCE", "MONTH", "ROWS", "COST (USD)")
        for month in sources { table.add(month.source, month.month, "\(month.rows)", MoneyText.dollars(month.cost)) }
        Output.line(table.render())
    }
}

/// `deploycat cost delete --source S [--month M]`: removes billing rows imported by mistake.
struct CostDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Remove a billing source's rows (of one month, with --month), in one transaction.",
        discussion: """
            Examples:
              deploycat cost delete --source manual --dry-run
              deploycat cost delete --source cur:123456789012 --month 2025-01
            """
    )

    @Option(help: "The source, as `deploycat cost sources` lists it.")
    var source: String

    @Option(help: ArgumentHelp("Only this month.", valueName: "YYYY-MM"))
    var month: String?

    @Flag(help: "Remove nothing: print what would be removed.")
    var dryRun = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let removed = try database.openWorkspace().costs.deleteSource(source, month: month, dryRun: dryRun)
        let rows = removed.reduce(0) { $0 + $1.rows }
        let cost = removed.reduce(Decimal(0)) { $0 + $1.cost }
        Output.line((dryRun ? "dry run, nothing removed: would remove " : "removed ")
            + "\(Formatting.count(rows, "row")) of \(source) (\(removed.map(\.month).joined(separator: ", "))): "
            + MoneyText.dollars(cost))
    }
}
