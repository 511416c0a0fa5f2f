import ArgumentParser

extension Catalog {
    /// `deploycat catalog import-profiles FILE --region R`.
    struct CatalogImportProfiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-profiles",
            abstract: "Import the output of `aws bedrock list-inference-profiles` for one Region.",
            discussion: """
                Records, for calls made in the Region, where each system-defined profile routes (taken \
                from models[].modelArn). With --prune, profiles routed from that Region but absent from \
                the file lose that route; a profile left with none becomes unlisted. A change that would \
                stop apps' specs from checking out is refused and names the apps, unless --force; \
                --dry-run shows every change first and writes nothing.

                Example:
                  aws bedrock list-inference-profiles --type-equals SYSTEM_DEFINED --region eu-west-1 --output json > profiles.json
                  deploycat catalog import-profiles profiles.json --region eu-west-1 --prune --dry-run
                """
        )

        @OptionGroup var listing: ListingOptions

        @Flag(help: "Drop the routes from this Region of profiles absent from the file.")
        var prune = false

        @OptionGroup var change: ChangeOptions

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try change.run(database) { catalog, mode in
                try catalog.importProfiles(file: listing.file, region: listing.region, prune: prune, mode: mode)
            }
        }
    }
}
