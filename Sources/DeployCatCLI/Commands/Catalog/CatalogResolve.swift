import ArgumentParser
import CatalogModel

extension Catalog {
    /// `deploycat catalog resolve MODEL --region R`.
    struct CatalogResolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Show how an app in a Region calls a model: profile, ARN to copy from, Regions served in.",
            discussion: """
                By default the app uses the system-defined profile of the narrowest geography callable from \
                the Region (a geography before global); --geo picks another, --single-region calls the \
                model in the Region alone. Without --account, ARNs carry ${AWS::AccountId}, ready for a \
                CloudFormation Fn::Sub.

                Example:
                  deploycat catalog resolve anthropic.claude-3-5-sonnet-20241022-v2:0 --region ap-northeast-1 --json
                """
        )

        @Argument(help: "The model id, such as anthropic.claude-3-5-sonnet-20241022-v2:0.")
        var modelId: String

        @Option(help: "The Region the app is deployed in.")
        var region: String

        @Flag(help: "Call the model in the Region alone, without a cross-Region profile.")
        var singleRegion = false

        @Option(name: .customLong("geo"), help: "Use this geography's profile, such as global or apac.")
        var geography: String?

        @Option(help: "The 12-digit account id to put in profile ARNs.")
        var account: String?

        @Flag(help: "Print a JSON object instead of text.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if singleRegion && geography != nil {
                throw OptionConflict("--geo picks a cross-Region profile, so it cannot be combined with --single-region")
            }
            if let account, !Identifiers.isAccountId(account) {
                throw ValidationError("--account must be a 12-digit AWS account id, not \"\(account)\"")
            }
        }

        func run() throws {
            let resolution = try database.openCatalogService().resolve(
                modelId: modelId, region: region, crossRegion: !singleRegion, geography: geography, account: account)
            resolution.warnings.forEach(Output.warning)
            if json { return try Output.json(resolution) }
            Output.line("""
                model:                \(resolution.modelId)
                region:               \(resolution.region)
                profile:              \(resolution.profileId ?? "none (single Region)")
                geography:            \(resolution.geography ?? "-")
                model source ARN:     \(resolution.modelSourceArn)
                destination Regions:  \(resolution.destinationRegions.joined(separator: ", "))
                foundation-model ARNs IAM must allow:
                """)
            resolution.foundationModelArns.forEach { Output.line("  \($0)") }
        }
    }
}
