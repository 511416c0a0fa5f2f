import Foundation

/// A model's public prices in USD per 1,000 tokens; `nil` where no source states one.
public struct ModelPrice: Codable, Hashable, Sendable {
    /// The Standard on-demand price.
    public var inputPer1k: Double?
    /// `nil` for embedding models, which are billed on input tokens only.
    public var outputPer1k: Double?
    /// The batch inference price where a source lists one; otherwise batch costs
    /// `BatchPrice.discount` of on-demand (see `FoundationModel.batchPrice`).
    public var batchInputPer1k: Double?
    public var batchOutputPer1k: Double?

    public init(inputPer1k: Double?, outputPer1k: Double?, batchInputPer1k: Double? = nil,
                batchOutputPer1k: Double? = nil) {
        self.inputPer1k = inputPer1k
        self.outputPer1k = outputPer1k
        self.batchInputPer1k = batchInputPer1k
        self.batchOutputPer1k = batchOutputPer1k
    }

    /// Whether a source lists a batch price (input, output or both).
    public var hasBatchPrice: Bool { batchInputPer1k != nil || batchOutputPer1k != nil }

    /// Whether no price at all is known.
    public var isEmpty: Bool { inputPer1k == nil && outputPer1k == nil && !hasBatchPrice }

    /// A price as plain decimal text without trailing zeros (`0.000035`, never `3.5e-05`).
    public static func text(_ value: Double) -> String {
        var text = String(format: "%.8f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The price as written in the catalog (`0.0008`), not its nearest binary fraction, so sums
    /// and halves of it come out in whole cents.
    public static func decimal(_ value: Double) -> Decimal {
        Decimal(string: text(value)) ?? Decimal(value)
    }
}
