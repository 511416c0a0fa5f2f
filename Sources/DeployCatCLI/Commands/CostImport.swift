import ArgumentParser
import CatalogModel
import CatalogService
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `deploycat cost import FILE...`.
struct CostImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import AWS billing exports: actual costs for `cost report`.",
        discussion: """
            Reads the legacy Cost and Usage Report, CUR 2.0 and FOCUS 1.2 exports of Data Exports, \
            as CSV, plain or gzip-compressed, the format told by the header. Each row belongs to a \
            source: --source NAME, else the format and the payer account (cur2:123456789012), or \
            the format alone when the export has no payer column. Every row of the months the files \
            cover, for their sources, is replaced by the files' rows in one transaction, so a \
            month's export imported again (corrected, or simply twice) replaces that month: import \
            all parts of a month's export in one command. A row whose cost or date cannot be read \
            stops the import, every such row named, and nothing is written.

            Examples:
              deploycat cost import cur2-00001.csv.gz cur2-00002.csv.gz
              deploycat cost import focus-2025-01.csv --source focus-prod
            """
    )

    @Argument(help: "Export files (CSV or gzip-compressed CSV).")
    var files: [String]

    @Option(help: "The source the rows belong to (default: the format and payer account, such as cur2:123456789012).")
    var source: String?

    @Flag(help: "Print a JSON object instead of text.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one export file") }
    }

    func run() throws {
        try database.withWorkspace { workspace in
            let terminal = isatty(STDERR_FILENO) == 1
            let report = try workspace.costs.importExports(paths: files, source: source, progress: terminal ? { progress in
                FileHandle.standardError.write(Data("\rimporting \(progress.file): \(Formatting.count(progress.rows, "row"))\u{1B}[K".utf8))
            } : nil)
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            try show(report)
        }
    }

    /// Prints what the import read and stored, by file and by month.
    private func show(_ report: BillingImportReport) throws {
        if json { return try Output.json(report) }
        var files = TextTable("FILE", "FORMAT", "ROWS")
        for file in report.files {
            files.add(file.path, file.format.title + (file.gzip ? ", gzip" : ""), Formatting.count(file.rows, "row"))
        }
        Output.line(files.render())
        Output.line()
        var table = TextTable("SOURCE", "MONTH", "ROWS", "REPLACED", "COST (USD)", "ATTRIBUTED", "UNATTRIBUTED")
        for month in report.months {
            table.add(month.source, month.month, "\(month.rows)", "\(month.replaced)", MoneyText.dollars(month.cost),
                       MoneyText.dollars(month.attributed), MoneyText.dollars(month.unattributed))
        }
        Output.line(table.render())
        let replaced = report.months.reduce(0) { $0 + $1.replaced }
        let months = Set(report.months.map(\.month)).count, sources = Set(report.months.map(\.source)).count
        Output.line("imported \(Formatting.count(report.rows, "row")) from \(Formatting.count(report.files.count, "file")) "
            + "(\(Formatting.count(months, "month"))" + (sources > 1 ? ", \(sources) sources" : "")
            + "): \(MoneyText.dollars(report.attributed)) attributed to apps, "
            + "\(MoneyText.dollars(report.unattributed)) unattributed; \(Formatting.count(replaced, "row")) replaced")
        if report.duplicates > 0 {
            Output.note("note: \(Formatting.count(report.duplicates, "row")) repeated a line item already read and counted once")
        }
        for month in report.months where month.replaced > month.rows {
            Output.warning("\(month.month) of \(month.source) now holds \(Formatting.count(month.rows, "row")), "
                + "\(month.replaced) before: a month is replaced whole, so import every part of its export in one command")
        }
        if !report.unknownApps.isEmpty {
            Output.warning("rows tagged deploycat:app with names no app of the catalog has: "
                + report.unknownApps.joined(separator: ", ") + " (reports list them as apps)")
        }
        for (month, sources) in report.otherSources.sorted(by: { $0.key < $1.key }) {
            Output.warning("\(month) also holds rows of \(sources.joined(separator: ", ")); reports add them to these "
                + "(two exports of the same account count its costs twice)")
        }
    }
}
