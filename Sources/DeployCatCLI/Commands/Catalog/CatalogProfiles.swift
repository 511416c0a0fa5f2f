import ArgumentParser
import CatalogModel

extension Catalog {
    /// `deploycat catalog profiles`.
    struct CatalogProfiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profiles",
            abstract: "List system-defined (cross-Region) inference profiles.",
            discussion: """
                Example:
                  deploycat catalog profiles --geo eu --model anthropic.claude-3-7-sonnet-20250219-v1:0
                """
        )

        @Option(name: .customLong("geo"), help: "Only profiles of this geography prefix, such as us, eu, apac, global.")
        var geography: String?

        @Option(help: "Only profiles of this model id.")
        var model: String?

        @Flag(help: "Print a JSON array instead of a table.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let profiles = try database.openCatalogService().profiles(geography: geography, model: model)
            if json { return try Output.json(profiles) }
            var table = TextTable("PROFILE", "STATUS", "SOURCES", "DESTINATIONS")
            for profile in profiles {
                table.add(.text(profile.id), Formatting.statusCell(profile), .list(profile.sourceRegions),
                          .list(profile.destinationRegions))
            }
            Output.line(table.render())
            Output.note(Formatting.count(profiles.count, "profile"))
        }
    }
}
