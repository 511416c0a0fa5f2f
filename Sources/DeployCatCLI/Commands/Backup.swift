import ArgumentParser
import CatalogService

/// `deploycat backup PATH`: a consistent, checked copy of an SQLite catalog while others write.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent, checked copy of the catalog to a new SQLite file.",
        discussion: """
            The copy is one moment of the catalog, taken while other deploycat processes go on \
            applying specs and writing versions (SQLite's VACUUM INTO reads one snapshot and blocks \
            no writer). It is written to a hidden file beside PATH and checked as `deploycat verify` \
            checks (the file's integrity, every template body against its SHA-256); only then does it \
            take the name PATH, so PATH is a whole backup or nothing. PATH must not exist. The copy is \
            an ordinary catalog: use it with --db, or copy it back in place of the original.

            A catalog on PostgreSQL is backed up by the server's own tool, pg_dump: for one, this \
            command checks that the server answers and prints the command to run, and exits with \
            status 1 without writing anything. (`deploycat db copy --to FILE.sqlite` also copies a \
            PostgreSQL catalog into an SQLite file.)

            Examples:
              deploycat backup backups/deploycat-$(date +%F).sqlite
              deploycat backup --db /srv/catalog.sqlite /srv/backups/catalog-$(date +%F).sqlite
            """
    )

    @Argument(help: ArgumentHelp("The new SQLite file to write; it must not exist, its folder must.", valueName: "path"))
    var path: String

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        // A mistyped --db must not back up a brand-new default catalog.
        let report = try database.openWorkspace(creating: false).database.backup(to: path)
        let verification = report.verification
        Output.line("backed up \(report.source) to \(report.target) (\(Formatting.bytes(report.bytes))): "
            + "\(Formatting.count(verification.versions, "template version")) of "
            + "\(Formatting.count(verification.apps, "app"))")
        Output.line("checked: the copy's integrity, and every template body hashes to its recorded SHA-256")
    }
}
