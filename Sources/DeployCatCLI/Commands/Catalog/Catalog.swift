import ArgumentParser

/// `deploycat catalog ...`: the model catalog.
struct CatalogCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Query and update the model catalog: Regions, models, geographies, system-defined profiles.",
        subcommands: [
            ListRegions.self, ListModels.self, ShowModel.self, ListGeographies.self, ListProfiles.self, Resolve.self,
            ImportModels.self, ImportProfiles.self, Apply.self, Log.self,
        ]
    )
}
