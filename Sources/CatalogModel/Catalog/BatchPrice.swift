import Foundation

/// What a model's batch inference costs in USD per 1,000 tokens, and where the figure comes from.
public struct BatchPrice: Encodable, Hashable, Sendable {
    /// `nil` where the on-demand or listed price it comes from is unknown.
    @Nullable public var inputPer1k: Decimal?
    /// `nil` for embedding models, which are billed on input tokens only.
    @Nullable public var outputPer1k: Decimal?
    public var basis: Basis

    /// Batch jobs cost half the on-demand price on models that take them (Bedrock user guide,
    /// cost optimization; Bedrock pricing page).
    public static let discount: Decimal = 0.5

    public enum Basis: String, Encodable, Sendable {
        /// A price a source lists for batch.
        case listed
        /// `discount` times the on-demand price.
        case onDemandDiscount
    }

    public init(inputPer1k: Decimal?, outputPer1k: Decimal?, basis: Basis) {
        self.inputPer1k = inputPer1k
        self.outputPer1k = outputPer1k
        self.basis = basis
    }
}
