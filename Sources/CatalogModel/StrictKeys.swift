/// Rejects keys a hand-written document does not define, so a typo is reported instead of
/// silently ignored.
enum StrictKeys {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func check<Key: CodingKey & CaseIterable>(_ decoder: any Decoder, allowed: Key.Type) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let known = Key.allCases.map(\.stringValue)
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !known.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath + [key],
                debugDescription: "unknown key \"\(key.stringValue)\"\(Suggestions.didYouMean(key.stringValue, in: known)); allowed: "
                    + known.joined(separator: ", ")))
        }
    }
}
