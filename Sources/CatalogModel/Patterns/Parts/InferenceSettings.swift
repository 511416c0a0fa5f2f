/// The inference settings prompts and agents share, bounded as CloudFormation bounds them.
enum InferenceRules {
    static let maxStopSequences = 4

    static func checkSampling(temperature: Double?, topP: Double?, at: String, _ issues: inout IssueCollector) {
        for (key, value) in [("temperature", temperature), ("topP", topP)] {
            if let value, !(0...1).contains(value) { issues.add("\(at).\(key)", "\(value) is outside 0 to 1") }
        }
    }

    static func checkStops(_ stopSequences: [String]?, at: String, _ issues: inout IssueCollector) {
        guard let stops = stopSequences else { return }
        if stops.count > maxStopSequences {
            issues.add("\(at).stopSequences", "has \(stops.count) entries; at most \(maxStopSequences) are allowed")
        }
        for (index, stop) in stops.enumerated() where stop.isEmpty {
            issues.add("\(at).stopSequences[\(index)]", "must not be empty")
        }
    }

    static func check(_ value: Int?, in range: ClosedRange<Int>, at field: String, _ issues: inout IssueCollector) {
        if let value, !range.contains(value) {
            issues.add(field, "\(value) is outside \(range.lowerBound) to \(range.upperBound)")
        }
    }
}

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
