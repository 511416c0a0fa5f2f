/// A column's value as every engine stores it: what statements bind and rows hold.
public enum SQLValue: Equatable, Hashable, Sendable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// As a message shows it.
    public var description: String {
        switch self {
        case .null: "null"
        case let .integer(number): "\(number)"
        case let .real(number): "\(number)"
        case let .text(text): text
        }
    }

    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    init(_ number: Int?) { self = number.map { .integer(Int64($0)) } ?? .null }
    init(_ number: Int64?) { self = number.map(SQLValue.integer) ?? .null }
    init(_ number: Double?) { self = number.map(SQLValue.real) ?? .null }
    /// Booleans are integers 0 and 1 in both engines' schemas.
    init(_ flag: Bool?) { self = flag.map { .integer($0 ? 1 : 0) } ?? .null }
}
