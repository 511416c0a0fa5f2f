import ArgumentParser

extension Catalog {
    /// `deploycat catalog import-models FILE --region R`.
    struct CatalogImportModels: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-models",
            abstract: "Import the output of `aws bedrock list-foundation-models` for one Region.",
            discussion: """
                Adds or updates every listed model and records that the Region offers it. With --prune, \
                models the catalog lists in that Region but the file does not are marked as no longer \
                offered there. A change that would stop apps' specs from checking out (an app's model no \
                longer offered in its Region) is refused and names the apps, unless --force; --dry-run \
                shows every change first and writes nothing.

                Example:
                  aws bedrock list-foundation-models --region us-east-1 --output json > models.json
                  deploycat catalog import-models models.json --region us-east-1 --prune --dry-run
                  deploycat catalog import-models models.json --region us-east-1 --prune
                """
        )

        @OptionGroup var listing: ListingOptions

        @Flag(help: "Mark models absent from the file as no longer offered in the Region.")
        var prune = false

        @OptionGroup var change: ChangeOptions

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try change.run(database) { catalog, mode in
                try catalog.importModels(file: listing.file, region: listing.region, prune: prune, mode: mode)
            }
        }
    }
}
