/// What a Bedrock usage type says: `USE1-Claude3.5Sonnet-v2-input-tokens` is model text
/// `Claude3.5Sonnet-v2`, billed in us-east-1 (`USE1`) for input tokens. The model text is what
/// precedes the first word that says what was billed (`input`, `output`, `batch`, `cache`,
/// `cross`, `tokens`...).
public enum BedrockUsageType {
    /// Words that end the model part of a usage type.
    static let billingWords: Set<String> = [
        "input", "output", "batch", "cache", "cached", "cross", "tokens", "token", "images", "image", "inference",
        "provisioned", "customization", "storage", "latency", "optimized", "flex", "priority", "reserved", "global",
        "video", "audio", "search", "units", "unit", "requests", "request", "characters", "seconds", "minutes",
    ]

    /// The model text of a Bedrock usage type, or `nil` when it names none.
    public static func modelText(_ usageType: String) -> String? {
        var parts = usageType.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        // A Region prefix: USE1, EUC1, APN1, UGW1, CAN1...; global usage has none.
        if let first = parts.first, parts.count > 1, Self.isRegionCode(first) { parts.removeFirst() }
        var model: [String] = []
        for part in parts {
            if billingWords.contains(part.lowercased()) { break }
            model.append(part)
        }
        let text = model.joined(separator: "-")
        return text.isEmpty ? nil : text
    }

    /// `USE1`, `EU`, `APS3`: two to four capitals and a digit or none.
    static func isRegionCode(_ part: String) -> Bool {
        let letters = part.prefix { $0.isUppercase && $0.isASCII }
        let rest = part.dropFirst(letters.count)
        return (2...4).contains(letters.count) && rest.count <= 1 && rest.allSatisfy(\.isNumber)
    }

    /// The catalog model a usage type's model text stands for: the one model whose name (or id
    /// after its provider) reads the same once only letters and digits are compared
    /// (`Claude3.5Sonnet-v2` is "Claude 3.5 Sonnet v2"); `nil` when none or several do.
    public static func catalogModel(for text: String, in models: [FoundationModel]) -> String? {
        let wanted = squeezed(text)
        guard !wanted.isEmpty else { return nil }
        let found = models.filter { model in
            squeezed(model.name ?? "") == wanted
                || squeezed(model.name.map { "\(model.provider) \($0)" } ?? "") == wanted
        }
        return found.count == 1 ? found[0].id : nil
    }

    static func squeezed(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { ($0.properties.isAlphabetic || ("0"..."9").contains($0)) && $0.isASCII })
    }
}
