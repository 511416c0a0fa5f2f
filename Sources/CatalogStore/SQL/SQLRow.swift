import CatalogModel
import Foundation

/// One result row, its columns found by name whatever case the engine reports them in
/// (PostgreSQL folds unquoted names to lower case).
struct SQLRow: Sendable {
    /// Column names, lower-cased.
    let columns: [String]
    let values: [SQLValue]

    init(columns: [String], values: [SQLValue]) {
        self.columns = columns.map { $0.lowercased() }
        self.values = values
    }

    subscript(_ column: String) -> SQLValue {
        guard let index = columns.firstIndex(of: column.lowercased()) else { return .null }
        return values[index]
    }

    func string(_ column: String) throws -> String {
        guard let value = optionalString(column) else { throw SQLRowError.missing(column) }
        return value
    }

    /// A template's text, stored compact (or, when stored before that, laid out), laid out.
    func templateText(_ column: String) throws -> String {
        TemplateLayout.laidOut(try string(column))
    }

    func optionalString(_ column: String) -> String? {
        switch self[column] {
        case let .text(text): text
        case .null: nil
        case let other: other.description
        }
    }

    func int(_ column: String) throws -> Int {
        guard let value = optionalInt(column) else { throw SQLRowError.missing(column) }
        return value
    }

    func optionalInt(_ column: String) -> Int? {
        switch self[column] {
        case let .integer(number): Int(number)
        case let .real(number): Int(number)
        case let .text(text): Int(text)
        case .null: nil
        }
    }

    func optionalDouble(_ column: String) -> Double? {
        switch self[column] {
        case let .integer(number): Double(number)
        case let .real(number): number
        case let .text(text): Double(text)
        case .null: nil
        }
    }

    func optionalBool(_ column: String) -> Bool? { optionalInt(column).map { $0 != 0 } }

    /// A text column holding a JSON array of strings (a model's modalities, an app's Regions); an
    /// error names `table`'s column.
    func strings(_ column: String, of table: String? = nil) throws -> [String] {
        let text = try string(column)
        guard let strings = try? Self.decoder.decode([String].self, from: Data(text.utf8)) else {
            throw SQLRowError.unexpected(Self.name(column, of: table), value: text)
        }
        return strings
    }

    /// One decoder for every list read: a catalog holds a few hundred, an app list thousands.
    private static let decoder = JSONDecoder()

    /// A text column holding one of an enum's raw values; an error names `table`'s column.
    func value<Value: RawRepresentable<String>>(_ column: String, of table: String? = nil) throws -> Value {
        let text = try string(column)
        guard let value = Value(rawValue: text) else {
            throw SQLRowError.unexpected(Self.name(column, of: table), value: text)
        }
        return value
    }

    /// `table.column` as errors name it, or the column alone.
    private static func name(_ column: String, of table: String?) -> String {
        table.map { "\($0).\(column)" } ?? column
    }
}

/// A row that lacks a value the schema promises, or holds one it does not allow: a database
/// changed behind deploycat's back.
enum SQLRowError: Error, CustomStringConvertible {
    case missing(_ column: String)
    case unexpected(_ column: String, value: String)

    /// The column, as the error names it (`table.column` or `column`).
    var column: String {
        switch self {
        case let .missing(column), let .unexpected(column, _): column
        }
    }

    var description: String {
        switch self {
        case let .missing(column): "column \(column) holds no value where the schema requires one"
        case let .unexpected(column, value): "column \(column) holds \(value), which deploycat does not know"
        }
    }
}
