import ArgumentParser
import CatalogService
import Foundation

/// `deploycat cost ...`: what apps cost.
struct Cost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Estimate what apps cost.",
        subcommands: [CostEstimateCommand.self]
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
            without a price is named, never counted as free.

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
        let calls = estimate.runsBatchJobs
            ? "\(usage.jobsPerMonth ?? 0) jobs of \(usage.recordsPerJob ?? 0) records of \(usage.inputTokensPerCall) input "
                + "and \(usage.outputTokensPerCall) output tokens"
            : "\(usage.monthlyCalls) requests of \(usage.inputTokensPerCall) input and \(usage.outputTokensPerCall) output tokens"
        Output.line("\(estimate.app): \(estimate.model), per Region and month: \(calls)")
        if estimate.runsBatchJobs {
            var table = TextTable("REGION", "BATCH INPUT/1K", "BATCH OUTPUT/1K", "BATCH (USD)", "ON DEMAND (USD)")
            for row in estimate.regions {
                table.add(.text(row.region), .text(Self.price(row.batch?.inputPer1k)), .text(Self.price(row.batch?.outputPer1k)),
                          .text(Self.money(row.batch?.monthly)), .text(Self.money(row.monthly)))
            }
            Output.line(table.render())
            if let batch = estimate.batchMonthlyTotal {
                Output.line("total: \(Self.money(batch)) a month in batch (\(Self.money(estimate.monthlyTotal)) on demand)")
            } else {
                Output.warning("the catalog has no batch price for \(estimate.model): it does not say the model takes "
                    + "batch jobs, or has no price for it; set batch and prices with `deploycat catalog apply`")
            }
        } else {
            var table = TextTable("REGION", "INPUT/1K", "OUTPUT/1K", "MONTHLY (USD)")
            for row in estimate.regions {
                table.add(.text(row.region), .text(Self.price(row.onDemand.inputPer1k)),
                          .text(Self.price(row.onDemand.outputPer1k)), .text(Self.money(row.monthly)))
            }
            Output.line(table.render())
            if let total = estimate.monthlyTotal { Output.line("total: \(Self.money(total)) a month") }
        }
        if estimate.monthlyTotal == nil {
            Output.warning("the catalog has no price for \(estimate.model); set one under \"prices\" with "
                + "`deploycat catalog apply`")
        }
    }

    static func money(_ value: Decimal?) -> String {
        value.map(money) ?? "no price"
    }

    /// `$1,400.00`.
    static func money(_ value: Decimal) -> String {
        // The decimal's own digits (it is rounded to the cent already), never a Double's.
        var parts = "\(value)".split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 { parts.append("") }
        parts[1] = String((parts[1] + "00").prefix(2))
        var whole = String(parts[0]), grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        return "$" + whole + grouped + "." + parts[1]
    }

    static func price(_ value: Decimal?) -> String {
        value.map { "\($0)" } ?? "-"
    }
}
