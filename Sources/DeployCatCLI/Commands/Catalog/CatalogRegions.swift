import ArgumentParser
import CatalogService

extension Catalog {
    /// `deploycat catalog regions`.
    struct CatalogRegions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "regions",
            abstract: "List Regions with Bedrock, the geographies they are a source Region of and their model counts.",
            discussion: """
                SOURCE OF names the geographies whose cross-Region profiles may be called from the \
                Region. MODELS counts the models in the Region's model list (ListFoundationModels); \
                ON DEMAND, those of them that can be invoked by id in the Region alone. A Region \
                with no models is one whose model list the catalog does not hold: import it with \
                `deploycat catalog import-models`.

                Example:
                  deploycat catalog regions
                  deploycat catalog regions --all --json
                """
        )

        @Flag(help: "Include the Regions without Bedrock.")
        var all = false

        @Flag(help: "Print a JSON array instead of a table.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let regions = try database.openCatalogService().regions(includeWithoutBedrock: all)
            if json { return try Output.json(regions) }
            var table = all
                ? TextTable("REGION", "NAME", "PARTITION", "BEDROCK", "SOURCE OF", "MODELS", "ON DEMAND")
                : TextTable("REGION", "NAME", "PARTITION", "SOURCE OF", "MODELS", "ON DEMAND")
            for region in regions {
                var cells: [TextTable.Cell] = [.text(region.code), .text(region.name), .text(region.partition)]
                if all { cells.append(.text(region.bedrock ? "yes" : "no")) }
                cells += [.list(region.sourceOf), .text("\(region.models)"), .text("\(region.onDemandModels)")]
                table.rows.append(cells)
            }
            Output.line(table.render())
            let bedrock = regions.filter(\.bedrock)
            let withoutModels = bedrock.filter { $0.models == 0 }.count
            Output.note((all ? "\(Formatting.count(regions.count, "Region")), \(bedrock.count) with Bedrock"
                    : "\(Formatting.count(bedrock.count, "Region")) with Bedrock (--all adds the others)")
                + (withoutModels == 0 ? "" : "; the catalog holds no model list for \(withoutModels) of them"))
        }
    }
}
