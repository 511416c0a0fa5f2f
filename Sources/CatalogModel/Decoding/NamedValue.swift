/// A string enum decoded with a message that lists the allowed values (instead of a Swift
/// type name) when the input holds another value.
public protocol NamedValue: RawRepresentable, CaseIterable, Decodable where RawValue == String {}

extension NamedValue {
    /// `"a", "b"`: the values the input may hold.
    public static var allowedValues: String { allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(quoted(raw)) is not allowed; use one of \(Self.allowedValues)")
        }
        self = value
    }
}

extension GeographyScope: NamedValue {}
extension ModelLifecycle: NamedValue {}
extension ProfileStatus: NamedValue {}
