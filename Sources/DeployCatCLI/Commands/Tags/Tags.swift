import ArgumentParser

/// `deploycat tags ...`: cost-allocation tags.
struct Tags: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "Cost-allocation tags: which apps carry which, the tag policy and defaults, reports and checks.",
        discussion: """
            Every resource deploycat creates carries the app's effective tags: the catalog's tag defaults, \
            then its team's, then the spec's tags (a later level wins), with keys in the tag policy's \
            spelling, plus deploycat:app, deploycat:team and deploycat:stage. Activate the keys as cost \
            allocation tags in Billing to split Bedrock spend (billed through each app's application \
            inference profile) by them.
            """,
        subcommands: [
            TagsList.self, TagsReport.self, TagsCheck.self, TagsHistory.self, TagsPolicy.self, TagsDefaults.self,
        ],
        defaultSubcommand: TagsList.self
    )
}
