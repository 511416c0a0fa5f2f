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

/// `deploycat db copy --to PATH_OR_URL`.
struct DbCopy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy the whole catalog into a new database, and check the copy.",
        discussion: """
            Copies everything: catalog revisions and the change log, the catalog itself, every app \
            and spec revision, every template version and what it was built from. The copy is then \
            read back: every row must equal its source and every template body must hash to its \
            recorded SHA-256; otherwise what was made is removed (the new file, or the tables in the \
            database). Either side may be an SQLite file or a PostgreSQL URL: the source (--db) must \
            exist; a file target must not exist yet, a PostgreSQL target must be an existing database \
            without tables.

            Examples:
              deploycat db copy --to backups/deploycat-2026-11-24.sqlite
              deploycat db copy --db deploycat.sqlite --to postgres://deploycat@db.internal/deploycat
            """
    )

    @Option(help: ArgumentHelp("The new database to copy into: a file that does not exist yet, or a PostgreSQL "
        + "URL naming an empty database.", valueName: "path-or-url"))
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
