/// A model's public on-demand price in USD per 1,000 tokens; `nil` where no source states one.
public struct ModelPrice: Codable, Hashable, Sendable {
    public var inputPer1k: Double?
    /// `nil` for embedding models, which are billed on input tokens only.
    public var outputPer1k: Double?

    public init(inputPer1k: Double?, outputPer1k: Double?) {
        self.inputPer1k = inputPer1k
        self.outputPer1k = outputPer1k
    }
}
