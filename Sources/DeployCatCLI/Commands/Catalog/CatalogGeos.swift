import ArgumentParser
import CatalogModel

extension Catalog {
    /// `deploycat catalog geos`.
    struct CatalogGeos: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "geos",
            abstract: "List cross-Region inference geographies and their source and destination Regions.",
            discussion: """
                A global geography's destinations are every commercial Region with Bedrock.

                Example:
                  deploycat catalog geos --json
                """
        )

        @Flag(help: "Print a JSON array instead of a table.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let geographies = try database.openCatalogService().geographies()
            if json { return try Output.json(geographies) }
            var table = TextTable("PREFIX", "NAME", "PARTITION", "SOURCES", "DESTINATIONS")
            for geography in geographies {
                table.add(.text(geography.prefix), .text(geography.name), .text(geography.partition),
                          .list(geography.sourceRegions), .list(geography.destinationRegions))
            }
            Output.line(table.render())
        }
    }
}
