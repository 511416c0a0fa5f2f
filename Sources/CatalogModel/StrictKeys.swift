/// Rejects keys a hand-written document does not define, so a typo is reported instead of
/// silently ignored.
enum StrictKeys {

    /// The keyed container, after checking that every key in it is one of `Key`'s cases.
    static func container<Key: CodingKey & CaseIterable>(
        _ decoder: any Decoder, keyedBy: Key.Type
    ) throws -> KeyedDecodingContainer<Key> {
        try check(decoder, allowed: Key.self)
        return try decoder.container(keyedBy: Key.self)
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

/// Any key of a keyed container, for looking at keys a type does not define.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
