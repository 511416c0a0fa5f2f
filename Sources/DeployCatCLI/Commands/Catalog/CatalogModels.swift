import ArgumentParser
import CatalogModel
import CatalogService

extension Catalog {
    /// `deploycat catalog models`.
    struct CatalogModels: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "models",
            abstract: "List foundation models.",
            discussion: """
                Models no app can call are hidden: no Region lists them, no system-defined profile \
                routes to them and no source states their lifecycle. --all lists them too.

                Example:
                  deploycat catalog models --provider Anthropic --region eu-west-1
                  deploycat catalog models --usage
                """
        )

        @Option(help: "Only models of this provider, such as Anthropic or Amazon (case-insensitive).")
        var provider: String?

        @Option(help: "Only models listed in this Region, such as us-east-1.")
        var region: String?

        @Flag(help: "List only used models, each with the apps whose latest templates use it, their patterns, the Regions they are deployed in and their teams.")
        var usage = false

        @Flag(help: "Also list the models no app can call (no Region, no profile, no lifecycle).")
        var all = false

        @Flag(help: "Print a JSON array instead of a table.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let workspace = try database.openWorkspace()
            // Usage lists every model an app uses, whatever the catalog knows of it.
            let listing = try workspace.catalog.modelListing(provider: provider, region: region,
                                                             includeUnusable: all || usage)
            var models = listing.models
            let users = usage ? try workspace.apps.modelUsageDetail() : [:]
            if usage { models = models.filter { users[$0.id] != nil } }
            if json {
                try Output.json(models.map { ModelUsageView(model: $0, usage: users[$0.id]) })
                return noteHidden(listing.hidden)
            }
            if usage {
                let shown = Dictionary(uniqueKeysWithValues: models.map { ($0.id, $0) })
                Output.line(ModelUsageReport.table(users.filter { shown[$0.key] != nil }, models: shown))
                return Output.note("\(Formatting.count(models.count, "model")) in use")
            }
            var table = TextTable("MODEL", "PROVIDER", "LIFECYCLE", "INFERENCE", "REGIONS", "IN $/1K", "OUT $/1K")
            for model in models {
                table.add(.text(model.id), .text(model.provider), .text(Formatting.lifecycle(model)),
                          .list(model.inferenceTypes), .text("\(model.regions.count)"),
                          .text(Formatting.price(model.price?.inputPer1k)),
                          .text(Formatting.price(model.price?.outputPer1k)))
            }
            Output.line(table.render())
            Output.note(Formatting.count(models.count, "model"))
            noteHidden(listing.hidden)
        }

        private func noteHidden(_ hidden: Int) {
            guard hidden > 0 else { return }
            Output.note("\(Formatting.count(hidden, "more model")) hidden, which no app can call: no Region lists "
                + "them, no profile routes to them, their lifecycle is unknown (--all lists them)")
        }
    }
}

/// A model in `catalog models --json`; with --usage, the apps that use it, their patterns and
/// teams, and the Regions they are deployed in (`deployedRegions`: the model's own `regions`
/// are where it is offered).
struct ModelUsageView: Encodable {
    var model: FoundationModel
    var usage: AppService.ModelUsage?

    func encode(to encoder: any Encoder) throws {
        try model.encode(to: encoder)
        guard let usage else { return }
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(usage.apps, forKey: .apps)
        try container.encode(usage.apps.count, forKey: .appCount)
        try container.encode(usage.patterns, forKey: .patterns)
        try container.encode(usage.regions, forKey: .deployedRegions)
        try container.encode(usage.teams, forKey: .teams)
    }

    enum Key: String, CodingKey { case apps, appCount, patterns, deployedRegions, teams }
}
