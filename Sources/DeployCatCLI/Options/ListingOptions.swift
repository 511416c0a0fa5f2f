import ArgumentParser

/// The AWS CLI listing an import reads, and the Region it was made in.
struct ListingOptions: ParsableArguments {
    @Argument(help: "The JSON file the AWS CLI wrote.")
    var file: String

    @Option(help: "The Region the listing was made in (the --region given to the AWS CLI).")
    var region: String
}
