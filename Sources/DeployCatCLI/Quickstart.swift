import ArgumentParser
import CatalogModel

/// `deploycat quickstart`: creates the catalog and shows what it answers.
struct Quickstart: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the catalog (with the embedded default catalog) and show how apps would call a model.",
        discussion: """
            Safe to run again: an existing catalog is reused, not reset.

            Example:
              deploycat quickstart --db ./deploycat.sqlite
            """
    )

    /// A model offered through profiles in most geographies, to show how routing differs.
    static let showcaseModel = "anthropic.claude-haiku-4-5-20251001-v1:0"
    static let showcaseRegions = ["us-east-1", "us-west-1", "ca-central-1", "eu-west-1", "ap-northeast-1",
                                  "ap-southeast-2", "ap-south-1"]

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let service = try database.openService()
        let summary = try service.summary()
        Output.line("""
            catalog \(database.path): revision \(summary.revision), \(summary.regions) Regions, \
            \(summary.geographies) geographies, \(summary.models) models, \(summary.profiles) system-defined \
            profiles (\(summary.unlistedProfiles) no longer listed)
            """)
        Output.line("\nHow an app calls \(Self.showcaseModel) from each Region:")
        var table = TextTable("REGION", "PROFILE", "REQUESTS MAY BE SERVED IN")
        for region in Self.showcaseRegions {
            let resolution = try service.resolve(modelId: Self.showcaseModel, region: region, crossRegion: true)
            table.add(region, resolution.profileId ?? "-", Formatting.list(resolution.destinationRegions))
        }
        Output.line(table.render())
        Output.line("""

            Next:
              deploycat catalog models --provider Anthropic
              deploycat catalog resolve \(Self.showcaseModel) --region eu-west-1 --json
              deploycat catalog import-models FILE --region R   (output of aws bedrock list-foundation-models)
            """)
    }
}
