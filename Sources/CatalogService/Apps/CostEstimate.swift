import CatalogModel
import Foundation

/// An app's monthly Bedrock cost from the usage in its spec and the catalog's prices: one row
/// per Region, since each Region's deployment serves the usage the spec gives. An app that runs
/// batch jobs costs the batch price; the on-demand price of the same tokens is shown beside it.
public struct CostEstimate: Encodable, Sendable {
    public var app: String
    public var model: String
    public var usage: Usage
    /// Whether the app runs batch jobs: it then costs the batch price.
    public var runsBatchJobs: Bool
    public var regions: [Row]
    /// What the app costs a month over its Regions, at its own price (batch or on demand);
    /// `nil` when the catalog lacks that price.
    public var monthlyTotal: Decimal?
    /// For an app that runs batch jobs: the same tokens at the on-demand price.
    public var onDemandMonthlyTotal: Decimal?

    /// One Region's cost at one kind of price.
    public struct Cost: Encodable, Sendable, Equatable {
        /// USD per 1,000 tokens.
        @Nullable public var inputPer1k: Decimal?
        @Nullable public var outputPer1k: Decimal?
        /// USD, rounded to the cent; `nil` when the catalog lacks a price the usage needs.
        @Nullable public var monthly: Decimal?
    }

    public struct Row: Encodable, Sendable {
        public var region: String
        /// At the app's own price: `batch` for an app that runs batch jobs, else `onDemand`.
        @Nullable public var monthly: Decimal?
        public var onDemand: Cost
        /// At the batch price, for an app that runs batch jobs.
        public var batch: Cost?
    }

    enum CodingKeys: String, CodingKey {
        case app, model, usage, runsBatchJobs, regions, monthlyTotal, onDemandMonthlyTotal
    }

    /// A missing price is `null`, not left out: a reader sees that it is unknown. The on-demand
    /// comparison is there for batch apps only.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(app, forKey: .app)
        try c.encode(model, forKey: .model)
        try c.encode(usage, forKey: .usage)
        try c.encode(runsBatchJobs, forKey: .runsBatchJobs)
        try c.encode(regions, forKey: .regions)
        try c.encode(monthlyTotal, forKey: .monthlyTotal)
        if runsBatchJobs { try c.encode(onDemandMonthlyTotal, forKey: .onDemandMonthlyTotal) }
    }

    /// The app's estimate against `catalog`, or `nil` when it calls no catalog model or its spec
    /// gives no usage.
    public static func of(_ spec: AppSpec, in catalog: CatalogSnapshot) -> CostEstimate? {
        guard let model = spec.modelId, let usage = spec.usage else { return nil }
        return CostEstimate(app: spec, usage: usage, model: model, found: catalog.models[model],
                            runsBatchJobs: type(of: spec.properties.deploymentPattern).runsBatchJobs)
    }

    /// - Parameter found: the catalog's entry for `model`, if any.
    init(app: AppSpec, usage: Usage, model: String, found: FoundationModel?, runsBatchJobs: Bool) {
        self.app = app.name
        self.model = model
        self.usage = usage
        self.runsBatchJobs = runsBatchJobs
        // Embedding models are billed on input tokens only; any other model's output has a price.
        let outputIsFree = found.map { !$0.outputModalities.isEmpty && $0.outputModalities.allSatisfy { $0 == "EMBEDDING" } } ?? false
        let onDemand = Self.cost(usage, inputPer1k: found?.price?.inputPer1k.map(ModelPrice.decimal),
                                 outputPer1k: found?.price?.outputPer1k.map(ModelPrice.decimal), outputIsFree: outputIsFree)
        let batchPrice = found?.batchPrice
        let batch = runsBatchJobs
            ? Self.cost(usage, inputPer1k: batchPrice?.inputPer1k, outputPer1k: batchPrice?.outputPer1k, outputIsFree: outputIsFree)
            : nil
        let own = batch ?? onDemand
        regions = app.regions.map { Row(region: $0, monthly: own.monthly, onDemand: onDemand, batch: batch) }
        // Totals are the exact sums, rounded once, not sums of rounded rows.
        let count = Decimal(app.regions.count)
        monthlyTotal = Self.exact(usage, own.inputPer1k, own.outputPer1k, outputIsFree).map { Self.cents($0 * count) }
        onDemandMonthlyTotal = runsBatchJobs
            ? Self.exact(usage, onDemand.inputPer1k, onDemand.outputPer1k, outputIsFree).map { Self.cents($0 * count) } : nil
    }

    private static func cost(_ usage: Usage, inputPer1k: Decimal?, outputPer1k: Decimal?, outputIsFree: Bool) -> Cost {
        Cost(inputPer1k: inputPer1k, outputPer1k: outputPer1k,
             monthly: exact(usage, inputPer1k, outputPer1k, outputIsFree).map(cents))
    }

    /// One Region's monthly cost before rounding; `nil` when a price the usage needs is missing.
    private static func exact(_ usage: Usage, _ inputPer1k: Decimal?, _ outputPer1k: Decimal?, _ outputIsFree: Bool) -> Decimal? {
        guard let input = inputPer1k, let output = outputPer1k ?? (outputIsFree ? 0 : nil) else { return nil }
        let perCall = Decimal(usage.inputTokensPerCall) * input + Decimal(usage.outputTokensPerCall) * output
        return Decimal(usage.monthlyCalls) * perCall / 1000
    }

    private static func cents(_ value: Decimal) -> Decimal {
        var value = value, rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        return rounded
    }
}
