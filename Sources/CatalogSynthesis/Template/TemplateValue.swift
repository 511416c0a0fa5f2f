import Foundation

/// A CloudFormation template as plain JSON values. Objects keep their members sorted by key
/// (`TemplateObject`), so a template's text depends only on its content.
///
/// Not `indirect`: arrays and objects already keep their members on the heap, so a string or
/// number is stored in place rather than in a box of its own that must be made, counted and freed.
public enum TemplateValue: Hashable, Sendable, Codable {
    case string(String)
    case number(Int)
    /// A fraction, such as a temperature of 0.7 (rendered in its shortest exact form).
    case decimal(Double)
    case bool(Bool)
    case array([TemplateValue])
    case object(TemplateObject)

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .decimal(value): try container.encode(value)
        case let .bool(value): try container.encode(value)
        case let .array(values): try container.encode(values)
        case let .object(values): try container.encode(values)
        }
    }

    /// Each kind is tried in turn, the most common in templates first (a failed try costs a
    /// thrown error); JSON's booleans and numbers do not decode as one another.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let values = try? container.decode(TemplateObject.self) {
            self = .object(values)
        } else if let values = try? container.decode([TemplateValue].self) {
            self = .array(values)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .number(value)
        } else {
            self = .decimal(try container.decode(Double.self))
        }
    }

    /// Parses a stored template's JSON text.
    public static func parse(_ json: String) throws -> TemplateValue {
        try JSONDecoder().decode(TemplateValue.self, from: Data(json.utf8))
    }

    /// The members of an object, or nothing.
    public subscript(key: String) -> TemplateValue? {
        if case let .object(values) = self { return values[key] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}

extension TemplateValue {
    /// One line of JSON with sorted keys, as diffs show a value.
    public var compactJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "\(self)"
    }
}

// MARK: - Intrinsic functions

extension TemplateValue {
    static func ref(_ logicalId: String) -> TemplateValue { ["Ref": .string(logicalId)] }

    static func getAtt(_ logicalId: String, _ attribute: String) -> TemplateValue {
        ["Fn::GetAtt": [.string(logicalId), .string(attribute)]]
    }

    static func sub(_ text: String) -> TemplateValue { ["Fn::Sub": .string(text)] }

    /// `Fn::Sub` with variables of its own, such as a bucket name that is a parameter or a `Ref`.
    static func sub(_ text: String, _ variables: TemplateObject) -> TemplateValue {
        ["Fn::Sub": [.string(text), .object(variables)]]
    }

    static func importValue(_ exportName: String) -> TemplateValue { ["Fn::ImportValue": .string(exportName)] }

    static func select(_ index: Int, _ list: TemplateValue) -> TemplateValue { ["Fn::Select": [.number(index), list]] }

    static let availabilityZones: TemplateValue = ["Fn::GetAZs": ""]

    static func cidr(_ block: TemplateValue, count: Int, hostBits: Int) -> TemplateValue {
        ["Fn::Cidr": [block, .string(String(count)), .string(String(hostBits))]]
    }

    static func equals(_ a: TemplateValue, _ b: TemplateValue) -> TemplateValue { ["Fn::Equals": [a, b]] }

    static func strings(_ values: [String]) -> TemplateValue { .array(values.map { .string($0) }) }
}
