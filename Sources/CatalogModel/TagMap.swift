/// Cost-allocation tags: key -> value. Numbers and booleans in the input are kept as text,
/// since cost-center codes are often written as bare numbers.
public struct TagMap: Codable, Hashable, Sendable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode([String: ScalarText].self)
        values = raw.mapValues(\.text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    /// Sorted by key, for stable output.
    public var sorted: [(key: String, value: String)] { values.sorted { $0.key < $1.key } }

    struct ScalarText: Decodable {
        var text: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "has no value (null); write \"\" for an empty tag value")
            }
            if let text = try? container.decode(String.self) {
                self.text = text
            } else if let number = try? container.decode(Int.self) {
                text = String(number)
            } else if let number = try? container.decode(Double.self) {
                text = String(number)
            } else if let flag = try? container.decode(Bool.self) {
                text = String(flag)
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a tag value (text)")
            }
        }
    }
}
