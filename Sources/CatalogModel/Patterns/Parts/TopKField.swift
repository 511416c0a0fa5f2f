/// How a model takes top-k: not a Converse setting, but a field of the provider's own request,
/// passed as additional model request fields.
public enum TopKField {
    /// The keys leading to the field, and its range, for the providers deploycat knows.
    public static func of(modelId: String) -> (path: [String], range: ClosedRange<Int>)? {
        if modelId.hasPrefix("anthropic.") { return (["top_k"], 0...500) }
        if modelId.hasPrefix("amazon.nova-") { return (["inferenceConfig", "topK"], 0...128) }
        return nil
    }

    static let known = "Anthropic Claude (top_k, 0 to 500) and Amazon Nova (inferenceConfig.topK, 0 to 128) models"
}
