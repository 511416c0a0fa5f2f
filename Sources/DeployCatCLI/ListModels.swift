import ArgumentParser
import CatalogModel

extension CatalogCommands {
    /// `deploycat catalog models`.
    struct ListModels: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "models",
            abstract: "List foundation models.",
            discussion: """
                Example:
                  deploycat catalog models --provider Anthropic --region eu-west-1
                """
        )

        @Option(help: "Only models of this provider, such as Anthropic or Amazon (case-insensitive).")
        var provider: String?

        @Option(help: "Only models listed in this Region, such as us-east-1.")
        var region: String?

        @Flag(help: "Print a JSON array instead of a table.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let models = try database.openService().models(provider: provider, region: region)
            if json { return try Output.json(models) }
            var table = TextTable("MODEL", "PROVIDER", "LIFECYCLE", "INFERENCE", "REGIONS", "IN $/1K", "OUT $/1K")
            for model in models {
                table.add(model.id, model.provider, Formatting.lifecycle(model), Formatting.list(model.inferenceTypes),
                          "\(model.regions.count)", Formatting.price(model.price?.inputPer1k),
                          Formatting.price(model.price?.outputPer1k))
            }
            Output.line(table.render())
            Output.note("\(models.count) models")
        }
    }
}
