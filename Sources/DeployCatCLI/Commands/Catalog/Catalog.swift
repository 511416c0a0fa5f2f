import ArgumentParser

/// `deploycat catalog ...`: the model catalog.
struct Catalog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Query and update the model catalog: Regions, models, geographies, system-defined profiles, SageMaker models.",
        subcommands: [
            CatalogRegions.self, CatalogModels.self, CatalogShowModel.self, CatalogGeos.self, CatalogProfiles.self, CatalogResolve.self,
            CatalogSageMakerModels.self, CatalogImportModels.self, CatalogImportProfiles.self, CatalogApply.self,
            CatalogLog.self,
        ]
    )
}
