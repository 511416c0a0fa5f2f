import ArgumentParser
import CatalogModel
import CatalogService

/// `deploycat tags defaults set|unset|show`.
struct TagsDefaults: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "defaults",
        abstract: "Set, remove or show the tags apps carry unless their specs say otherwise.",
        discussion: """
            Defaults come at two levels: the catalog's, for every app, and a team's (--team), for the apps \
            of that team. An app's effective tags are the catalog's defaults, then its team's, then its \
            spec's tags: a later level wins. Each version of a template keeps the tags it was built with \
            (`deploycat tags history APP`). A change makes the templates that carry the tags stale: \
            `deploycat regenerate` rebuilds them (or give --regenerate here).
            """,
        subcommands: [Set.self, Unset.self, Show.self]
    )

    /// `deploycat tags defaults set KEY=VALUE... [--team T]`.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set default tags, for every app or for one team's.",
            discussion: """
                Examples:
                  deploycat tags defaults set CostCenter=CC-1042 Owner=platform
                  deploycat tags defaults set CostCenter=CC-2001 --team ml-research --dry-run
                """
        )

        @Argument(help: ArgumentHelp("Tags to set, as KEY=VALUE.", valueName: "KEY=VALUE"))
        var tags: [String]

        @Option(help: "Set the defaults of this team's apps instead of every app's.")
        var team: String?

        @Flag(help: "Accept a --team no live app belongs to yet (otherwise refused, as a likely typo).")
        var newTeam = false

        @OptionGroup var change: ChangeOptions

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if tags.isEmpty { throw ValidationError("Give one or more tags as KEY=VALUE.") }
            if newTeam && team == nil { throw OptionConflict("--new-team needs --team") }
        }

        func run() throws {
            try change.run(database) { catalog, mode in
                try catalog.changeTagDefaults(set: tags, unset: [], team: team, newTeam: newTeam, mode: mode)
            }
        }
    }

    /// `deploycat tags defaults unset KEY... [--team T]`.
    struct Unset: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unset", abstract: "Remove default tags, of every app or of one team's.")

        @Argument(help: ArgumentHelp("Tag keys to remove.", valueName: "KEY"))
        var keys: [String]

        @Option(help: "Remove from this team's defaults instead of every app's.")
        var team: String?

        @OptionGroup var change: ChangeOptions

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if keys.isEmpty { throw ValidationError("Give one or more tag keys.") }
        }

        func run() throws {
            try change.run(database) { catalog, mode in
                try catalog.changeTagDefaults(set: [], unset: keys, team: team, mode: mode)
            }
        }
    }

    /// `deploycat tags defaults show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the catalog's and every team's default tags.")

        @Flag(help: "Print a JSON object: {\"catalog\": {...}, \"teams\": {team: {...}}}.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let defaults = try database.openWorkspace().catalog.tagDefaults()
            if json { return try Output.json(defaults) }
            guard !defaults.isEmpty else {
                return Output.note("no tag defaults are set; set them with `deploycat tags defaults set KEY=VALUE [--team T]`")
            }
            var table = TextTable("LEVEL", "KEY", "VALUE")
            for (key, value) in defaults.catalog.sorted { table.add(.text("catalog"), .text(key), .text(value)) }
            for (team, tags) in defaults.teams.sorted(by: { $0.key < $1.key }) {
                for (key, value) in tags.sorted { table.add(.text("team \(team)"), .text(key), .text(value)) }
            }
            Output.line(table.render())
        }
    }
}
