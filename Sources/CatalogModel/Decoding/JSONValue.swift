import Foundation

/// Any JSON value, for documents read by walking them (a tag policy) rather than into a fixed
/// type, so each problem can be named by its JSON path. Booleans stay booleans, never numbers.
public indirect enum JSONValue: Decodable, Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses `data`, or throws an issue saying where the syntax breaks.
    public static func parse(_ data: Data) throws(InputError) -> JSONValue {
        // Foundation's parser says where the syntax breaks (line and column); the decoder does not.
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            throw InputError([InputIssue(field: "", problem: "is not valid JSON" + (detail.map { ": \($0)" } ?? ""))])
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            var detail = ""
            if case let DecodingError.dataCorrupted(context) = error {
                let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                detail = ": " + (underlying ?? context.debugDescription)
            }
            throw InputError([InputIssue(field: "", problem: "is not valid JSON" + detail)])
        }
    }

    public var object: [String: JSONValue]? {
        if case let .object(value) = self { return value }
        return nil
    }

    public var array: [JSONValue]? {
        if case let .array(value) = self { return value }
        return nil
    }

    public var string: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    public var bool: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }
}
