import Foundation

/// A model's public on-demand price in USD per 1,000 tokens; `nil` where no source states one.
public struct ModelPrice: Codable, Hashable, Sendable {
    public var inputPer1k: Double?
    /// `nil` for embedding models, which are billed on input tokens only.
    public var outputPer1k: Double?

    public init(inputPer1k: Double?, outputPer1k: Double?) {
        self.inputPer1k = inputPer1k
        self.outputPer1k = outputPer1k
    }

    /// A price as plain decimal text without trailing zeros (`0.000035`, never `3.5e-05`).
    public static func text(_ value: Double) -> String {
        var text = String(format: "%.8f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
