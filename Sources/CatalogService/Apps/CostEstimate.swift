import CatalogModel
import Foundation

/// An app's monthly Bedrock cost from the usage in its spec and the catalog's prices: one row
/// per Region, since each Region's deployment serves the usage the spec gives. An app that runs
/// batch jobs is priced at the batch price, with the on-demand price of the same tokens beside it.
public struct CostEstimate: Encodable, Sendable {
    public var app: String
    public var model: String
    public var usage: Usage
    /// Whether the app runs batch jobs: its rows then carry `batch` prices too.
    public var runsBatchJobs: Bool
    public var regions: [Row]
    /// The sum over the Regions; `nil` when the catalog has no price for the model.
    public var monthlyTotal: Decimal?
    /// The same at the batch price, for an app that runs batch jobs.
    public var batchMonthlyTotal: Decimal?

    /// One Region's cost at one kind of price.
    public struct Cost: Encodable, Sendable, Equatable {
        /// USD per 1,000 tokens.
        @Nullable public var inputPer1k: Decimal?
        @Nullable public var outputPer1k: Decimal?
        /// USD, rounded to the cent; `nil` when the catalog has no price for the model.
        @Nullable public var monthly: Decimal?
    }

    public struct Row: Encodable, Sendable {
        public var region: String
        /// At the on-demand price.
        public var onDemand: Cost
        /// At the batch price, for an app that runs batch jobs.
        public var batch: Cost?

        public var monthly: Decimal? { onDemand.monthly }
    }

    enum CodingKeys: String, CodingKey { case app, model, usage, runsBatchJobs, regions, monthlyTotal, batchMonthlyTotal }

    /// A missing price is `null`, not left out: a reader sees that it is unknown.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(app, forKey: .app)
        try c.encode(model, forKey: .model)
        try c.encode(usage, forKey: .usage)
        try c.encode(runsBatchJobs, forKey: .runsBatchJobs)
        try c.encode(regions, forKey: .regions)
        try c.encode(monthlyTotal, forKey: .monthlyTotal)
        if runsBatchJobs { try c.encode(batchMonthlyTotal, forKey: .batchMonthlyTotal) }
    }

    init(app: AppSpec, usage: Usage, model: String, price: ModelPrice?, batchPrice: BatchPrice?, runsBatchJobs: Bool) {
        self.app = app.name
        self.model = model
        self.usage = usage
        self.runsBatchJobs = runsBatchJobs
        let onDemand = Self.cost(usage, inputPer1k: price?.inputPer1k.map(ModelPrice.decimal),
                                 outputPer1k: price?.outputPer1k.map(ModelPrice.decimal))
        let batch = runsBatchJobs ? Self.cost(usage, inputPer1k: batchPrice?.inputPer1k, outputPer1k: batchPrice?.outputPer1k) : nil
        regions = app.regions.map { Row(region: $0, onDemand: onDemand, batch: batch) }
        monthlyTotal = onDemand.monthly.map { $0 * Decimal(app.regions.count) }
        batchMonthlyTotal = batch?.monthly.map { $0 * Decimal(app.regions.count) }
    }

    /// An embedding model has no output price: its output costs nothing.
    private static func cost(_ usage: Usage, inputPer1k: Decimal?, outputPer1k: Decimal?) -> Cost {
        let monthly: Decimal? = inputPer1k.map { input in
            let perCall = Decimal(usage.inputTokensPerCall) * input + Decimal(usage.outputTokensPerCall) * (outputPer1k ?? 0)
            return cents(Decimal(usage.monthlyCalls) * perCall / 1000)
        }
        return Cost(inputPer1k: inputPer1k, outputPer1k: outputPer1k, monthly: monthly)
    }

    private static func cents(_ value: Decimal) -> Decimal {
        var value = value, rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        return rounded
    }
}
