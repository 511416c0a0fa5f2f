/// A string enum decoded with a message that lists the allowed values (instead of a Swift
/// type name) when the input holds another value.
public protocol NamedValue: RawRepresentable, CaseIterable, Decodable where RawValue == String {}

extension NamedValue {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Self(rawValue: raw) else {
            let allowed = Self.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(quoted(raw)) is not allowed; use one of \(allowed)")
        }
        self = value
    }
}

extension GeographyScope: NamedValue {}
extension ModelLifecycle: NamedValue {}
extension ProfileStatus: NamedValue {}
