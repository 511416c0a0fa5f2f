import CatalogModel
import ArgumentParser
import CatalogService
import Foundation

/// `deploycat cost ...`: what apps cost.
struct Cost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Estimate what apps cost, and report what they actually cost from AWS billing exports.",
        subcommands: [CostEstimateCommand.self, CostImportCommand.self, CostReportCommand.self, CostSourcesCommand.self,
                      CostDeleteCommand.self]
    )
}

/// `deploycat cost estimate APP`.
struct CostEstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate an app's monthly Bedrock cost per Region from the usage in its spec.",
        discussion: """
            The spec's usage gives each Region's monthly calls: \
            usage: { requestsPerMonth: N, inputTokensPerRequest: N, outputTokensPerRequest: N }; \
            for a bedrock-batch-stepfn app, usage: { jobsPerMonth: N, recordsPerJob: N, \
            inputTokensPerRecord: N, outputTokensPerRecord: N }, priced at the batch price with the \
            on-demand price of the same tokens beside it. Prices are the catalog's per 1,000 tokens \
            (`deploycat catalog model ID` shows them; `deploycat catalog apply` sets them). A model \
            without a price is named, never counted as free. SageMaker endpoints and prompt routers \
            are not estimated: they call no catalog Bedrock model.

            Examples:
              deploycat cost estimate support-chat
              deploycat cost estimate claims-batch --json
            """
    )

    @Argument(help: "The app's name.")
    var app: String

    @Flag(help: "Print a JSON object instead of a table.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let estimate = try database.openWorkspace().apps.costEstimate(app: app)
        if json { return try Output.json(estimate) }
        let usage = estimate.usage
        let tokens = "\(usage.inputTokensPerCall) input and \(usage.outputTokensPerCall) output tokens"
        let calls = estimate.runsBatchJobs
            ? Formatting.count(usage.jobsPerMonth ?? 0, "job") + " of " + Formatting.count(usage.recordsPerJob ?? 0, "record")
                + " of \(tokens)"
            : Formatting.count(usage.monthlyCalls, "request") + " of \(tokens)"
        Output.line("\(estimate.app): \(estimate.model), per Region and month: \(calls)")
        var table: TextTable
        if estimate.runsBatchJobs {
            table = TextTable("REGION", "BATCH INPUT/1K", "BATCH OUTPUT/1K", "BATCH (USD)", "ON DEMAND (USD)")
            for row in estimate.regions {
                table.add(.text(row.region), .text(Formatting.price(row.batch?.inputPer1k)),
                          .text(Formatting.price(row.batch?.outputPer1k)), .text(Self.money(row.monthly)),
                          .text(Self.money(row.onDemand.monthly)))
            }
        } else {
            table = TextTable("REGION", "INPUT/1K", "OUTPUT/1K", "MONTHLY (USD)")
            for row in estimate.regions {
                table.add(.text(row.region), .text(Formatting.price(row.onDemand.inputPer1k)),
                          .text(Formatting.price(row.onDemand.outputPer1k)), .text(Self.money(row.monthly)))
            }
        }
        Output.line(table.render())
        let comparison = estimate.runsBatchJobs ? " in batch (\(Self.money(estimate.onDemandMonthlyTotal)) on demand)" : ""
        if let total = estimate.monthlyTotal {
            Output.line("total: \(Self.money(total)) a month" + comparison)
        } else {
            Output.line("total: unknown" + comparison)
            let missing = estimate.runsBatchJobs
                ? "a batch price for \(estimate.model) (the catalog does not say it takes batch jobs, or has no price "
                    + "for it); set batch and prices"
                : "a price for \(estimate.model) (input and, for a model that answers, output); set it under \"prices\""
            Output.warning("the catalog lacks \(missing) with `deploycat catalog apply`")
        }
    }

    /// `$1,400.00`, or `no price` for an estimate the catalog cannot price.
    static func money(_ value: Decimal?) -> String {
        value.map { MoneyText.dollars($0) } ?? "no price"
    }
}
