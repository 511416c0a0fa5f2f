import CatalogModel
import Foundation

/// An app's monthly Bedrock cost from the usage in its spec and the catalog's on-demand prices:
/// one row per Region, since each Region's deployment serves the usage the spec gives.
public struct CostEstimate: Encodable, Sendable {
    public var app: String
    public var model: String
    public var usage: Usage
    public var regions: [Row]
    /// The sum over the Regions; `nil` when the catalog has no price for the model.
    public var monthlyTotal: Decimal?

    public struct Row: Encodable, Sendable {
        public var region: String
        /// USD per 1,000 tokens.
        public var inputPer1k: Decimal?
        public var outputPer1k: Decimal?
        /// USD, rounded to the cent; `nil` when the catalog has no price for the model.
        public var monthly: Decimal?

        enum CodingKeys: String, CodingKey { case region, inputPer1k, outputPer1k, monthly }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(region, forKey: .region)
            try c.encode(inputPer1k, forKey: .inputPer1k)
            try c.encode(outputPer1k, forKey: .outputPer1k)
            try c.encode(monthly, forKey: .monthly)
        }
    }

    enum CodingKeys: String, CodingKey { case app, model, usage, regions, monthlyTotal }

    /// A missing price is `null`, not left out: a reader sees that it is unknown.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(app, forKey: .app)
        try c.encode(model, forKey: .model)
        try c.encode(usage, forKey: .usage)
        try c.encode(regions, forKey: .regions)
        try c.encode(monthlyTotal, forKey: .monthlyTotal)
    }

    init(app: AppSpec, usage: Usage, model: String, price: ModelPrice?) {
        self.app = app.name
        self.model = model
        self.usage = usage
        let input = price?.inputPer1k.map(Self.decimal), output = price?.outputPer1k.map(Self.decimal)
        let monthly: Decimal? = input.map { input in
            // An embedding model has no output price: its output costs nothing.
            let perRequest = Decimal(usage.inputTokensPerRequest) * input
                + Decimal(usage.outputTokensPerRequest) * (output ?? 0)
            return Self.cents(Decimal(usage.requestsPerMonth) * perRequest / 1000)
        }
        regions = app.regions.map { Row(region: $0, inputPer1k: input, outputPer1k: output, monthly: monthly) }
        monthlyTotal = monthly.map { $0 * Decimal(app.regions.count) }
    }

    /// The price as written in the catalog (`0.0008`), not its nearest binary fraction.
    private static func decimal(_ value: Double) -> Decimal {
        Decimal(string: ModelPrice.text(value)) ?? Decimal(value)
    }

    private static func cents(_ value: Decimal) -> Decimal {
        var value = value, rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        return rounded
    }
}
