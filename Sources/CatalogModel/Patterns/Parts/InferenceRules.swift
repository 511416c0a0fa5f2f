/// The inference settings prompts and agents share, bounded as CloudFormation bounds them.
enum InferenceRules {
    static let maxStopSequences = 4

    static func checkSampling(temperature: Double?, topP: Double?, at: String, _ issues: inout IssueCollector) {
        for (key, value) in [("temperature", temperature), ("topP", topP)] {
            if let value, !(0...1).contains(value) { issues.add("\(at).\(key)", "\(value) is outside 0 to 1") }
        }
    }

    /// Anthropic's Claude models from 4.5 on refuse a request that sets both temperature and top-p.
    static func checkOneOfTemperatureAndTopP(
        modelId: String?, temperature: Double?, topP: Double?, at: String, _ issues: inout IssueCollector
    ) {
        guard temperature != nil, topP != nil, let modelId, let version = claudeVersion(modelId), version >= (4, 5) else { return }
        issues.add("\(at).topP", "\(modelId) takes temperature or topP, not both (Claude 4.5 and later refuse the pair); "
            + "keep one")
    }

    /// Claude 3 and later take the Messages API, and agent templates in its JSON form.
    static func takesMessages(_ modelId: String) -> Bool {
        modelId.hasPrefix("anthropic.claude-3") || claudeVersion(modelId) != nil
    }

    /// `anthropic.claude-sonnet-4-5-20250929-v1:0` -> (4, 5); `anthropic.claude-sonnet-4-20250514-v1:0` -> (4, 0).
    static func claudeVersion(_ modelId: String) -> (Int, Int)? {
        let parts = modelId.split(separator: "-")
        guard modelId.hasPrefix("anthropic.claude-"), parts.count >= 3,
              ["sonnet", "haiku", "opus"].contains(parts[1]), let major = Int(parts[2]) else { return nil }
        // A minor version is one or two digits; eight digits are the release date.
        let minor = parts.count > 3 && parts[3].count <= 2 ? Int(parts[3]) ?? 0 : 0
        return (major, minor)
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
