import ArgumentParser
import CatalogModel

extension Catalog {
    /// `deploycat catalog log`.
    struct CatalogLog: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Show the catalog change log, newest first.",
            discussion: """
                Example:
                  deploycat catalog log --limit 20
                """
        )

        @Option(help: "Show at most this many changes.")
        var limit: Int?

        @Flag(help: "Print a JSON array instead of text.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
        }

        func run() throws {
            let entries = try database.openCatalogService().changeLog(limit: limit)
            if json { return try Output.json(entries) }
            var current: Int?
            for entry in entries {
                if entry.revision != current {
                    current = entry.revision
                    Output.line("revision \(entry.revision)  \(entry.appliedAt)  \(entry.origin)")
                }
                Output.line("  \(entry.subject) \(entry.summary)")
            }
        }
    }
}
