import ArgumentParser
import CatalogModel

extension Catalog {
    /// `deploycat catalog sagemaker-models`.
    struct CatalogSageMakerModels: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sagemaker-models",
            abstract: "List SageMaker models: image, model data and default instance type.",
            discussion: """
                SageMaker models are added and changed with `deploycat catalog apply` (sagemakerModels); \
                the default catalog has none.

                Example:
                  deploycat catalog sagemaker-models --json
                """
        )

        @Flag(help: "Print a JSON array instead of a table.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let models = try database.openCatalogService().sagemakerModels()
            if json { return try Output.json(models) }
            var table = TextTable("NAME", "IMAGE", "MODEL DATA", "INSTANCE TYPE", "DESCRIPTION")
            for model in models {
                table.add(model.name, model.image, model.modelDataUrl ?? "-", model.defaultInstanceType ?? "-",
                          model.description ?? "-")
            }
            Output.line(table.render())
            Output.note(Formatting.count(models.count, "SageMaker model"))
        }
    }
}
