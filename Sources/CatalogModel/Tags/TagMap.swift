/// Cost-allocation tags: key -> value. Numbers and booleans in the input are kept as text,
/// since cost-center codes are often written as bare numbers.
public struct TagMap: Codable, Hashable, Sendable, DecodesItself {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// Key by key, so an empty key reaches the tag rules (which say what a key must be)
    /// instead of failing as a missing one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        values = [:]
        // In key order: the order problems are recorded in must not change from run to run.
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            if key.stringValue.isEmpty {
                // YAML cannot look an empty key up again; its value does not matter, the key is wrong.
                values[""] = ""
                continue
            }
            // A bad value is recorded when problems are being gathered, so the other tags are still checked.
            values[key.stringValue] = try container.recording(in: decoder) {
                try container.decode(ScalarText.self, forKey: key).text
            }
        }
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
