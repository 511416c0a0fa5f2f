import ArgumentParser
import CatalogService

/// `deploycat db ...`: the catalog database as a whole.
struct Db: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Work on the catalog database as a whole.",
        subcommands: [DbCopy.self]
    )
}

/// `deploycat db copy --to PATH`.
struct DbCopy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy the whole catalog into a new database file, and check the copy.",
        discussion: """
            Copies everything: catalog revisions and the change log, the catalog itself, every app \
            and spec revision, every template version and what it was built from. The copy is then \
            read back: every row must equal its source and every template body must hash to its \
            recorded SHA-256; otherwise the new file is removed. The source (--db) must exist, and the \
            target must not exist yet.

            Example:
              deploycat db copy --to backups/deploycat-2026-11-24.sqlite
            """
    )

    @Option(help: ArgumentHelp("The new database file to copy into.", valueName: "path"))
    var to: String

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        // A mistyped --db must not copy a brand-new default catalog.
        let report = try database.openWorkspace(creating: false).database.copy(to: to)
        let rows = report.rowCounts.reduce(0) { $0 + $1.rows }
        Output.line("copied \(report.source) to \(report.target): "
            + Formatting.count(report.rows(of: "catalogRevision"), "catalog revision") + ", "
            + Formatting.count(report.rows(of: "app"), "app") + ", "
            + Formatting.count(report.rows(of: "templateVersion"), "template version")
            + " (\(Formatting.count(rows, "row")) in \(Formatting.count(report.rowCounts.count, "table")))")
        Output.line("checked: every row equal, every template body hashes to its recorded SHA-256")
    }
}
