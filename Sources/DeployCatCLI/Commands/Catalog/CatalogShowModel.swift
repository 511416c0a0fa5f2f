import ArgumentParser
import CatalogModel

extension Catalog {
    /// `deploycat catalog model ID`.
    struct CatalogShowModel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "model",
            abstract: "Show one foundation model, where it is offered, its prices (batch too) and its system-defined profiles.",
            discussion: """
                Example:
                  deploycat catalog model anthropic.claude-3-5-sonnet-20241022-v2:0 --json
                """
        )

        @Argument(help: "The model id, such as amazon.nova-pro-v1:0.")
        var id: String

        @Flag(help: "Print a JSON object instead of text.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let detail = try database.openCatalogService().model(id)
            if json { return try Output.json(detail) }
            let model = detail.model
            var lines = [
                "model:             \(model.id)",
                "name:              \(model.name ?? "-")",
                "provider:          \(model.provider)",
                "lifecycle:         \(Formatting.lifecycle(model))",
            ]
            if let date = model.legacyDate { lines.append("legacy date:       \(date)") }
            if let date = model.endOfLifeDate { lines.append("end of life:       \(date)") }
            lines += [
                "input modalities:  \(Formatting.list(model.inputModalities))",
                "output modalities: \(Formatting.list(model.outputModalities))",
                "inference types:   \(Formatting.list(model.inferenceTypes))",
                "listed in:         " + (model.regions.isEmpty ? "no Region"
                    : TextTable.text(.list(model.regions), width: Terminal.width - "listed in:         ".count)),
                "price (USD/1k):    input \(Formatting.price(model.price?.inputPer1k)), "
                    + "output \(Formatting.price(model.price?.outputPer1k))",
                "batch inference:   \(Formatting.batch(model))",
                "batch (USD/1k):    \(Formatting.batchPrice(model))",
            ]
            Output.line(lines.joined(separator: "\n"))
            guard !detail.profiles.isEmpty else { return Output.line("profiles:          none") }
            var table = TextTable("PROFILE", "STATUS", "SOURCES", "DESTINATIONS")
            for profile in detail.profiles {
                table.add(.text(profile.id), Formatting.statusCell(profile), .list(profile.sourceRegions),
                          .list(profile.destinationRegions))
            }
            Output.line("\n" + table.render())
        }
    }
}
