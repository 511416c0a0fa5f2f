import CatalogModel
import Foundation
import Yams

/// Reads an input file (JSON or YAML) into a `Decodable` value, rejecting a missing, empty,
/// oversized or malformed file with one line per problem that names the file and the field.
public struct DocumentReader: Sendable {
    /// Files larger than this are refused before they are read: real catalog listings are far
    /// smaller (all of Bedrock's models fit in well under 1 MiB).
    public var maxBytes: Int

    public init(maxBytes: Int = 10 * 1024 * 1024) {
        self.maxBytes = maxBytes
    }

    public func read<Value: Decodable>(_ type: Value.Type, from path: String) throws -> Value {
        let data = try contents(of: path)
        let json = isJSON(path: path, data: data)
        do {
            if json {
                return try JSONDecoder().decode(Value.self, from: data)
            }
            return try YAMLDecoder().decode(Value.self, from: data)
        } catch let error as DecodingError {
            throw InputError(file: path, issues: [Self.issue(for: error, format: json ? "JSON" : "YAML")])
        } catch let error as YamlError {
            throw InputError(file: path, problem: "is not valid YAML: " + Self.syntaxProblem(error))
        }
    }

    /// The file's bytes, after the checks that need no parsing.
    public func contents(of path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, problem: "no such file")
        }
        guard !isDirectory.boolValue else { throw InputError(file: path, problem: "is a folder, not a file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maxBytes else {
            throw InputError(file: path, problem: "is \(Self.megabytes(size)) MB; files up to \(Self.megabytes(maxBytes)) MB are read")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, problem: "cannot be read (check its permissions)")
        }
        guard Self.firstNonSpace(data) != nil else {
            throw InputError(file: path, problem: "is empty")
        }
        guard String(data: data, encoding: .utf8) != nil else {
            throw InputError(file: path, problem: "is not UTF-8 text")
        }
        return data
    }

    private func isJSON(path: String, data: Data) -> Bool {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".json") { return true }
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") { return false }
        let first = Self.firstNonSpace(data)
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    /// The first byte that is not a space, tab or line break, or `nil` for a blank file.
    static func firstNonSpace(_ data: Data) -> UInt8? {
        data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
    }

    /// Restates a decoding error as the field's key path and what was expected, in plain words.
    static func issue(for error: DecodingError, format: String) -> InputIssue {
        switch error {
        case let .keyNotFound(key, context):
            return InputIssue(field: path(context.codingPath + [key]), problem: "is required but missing")
        case let .typeMismatch(type, context):
            return InputIssue(field: path(context.codingPath), problem: "expected \(describe(type))")
        case let .valueNotFound(type, context):
            return InputIssue(field: path(context.codingPath), problem: "expected \(describe(type)), found null")
        case let .dataCorrupted(context):
            if let yaml = context.underlyingError as? YamlError {
                return InputIssue(field: "", problem: "is not valid YAML: " + syntaxProblem(yaml))
            }
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return InputIssue(field: "", problem: "is not valid \(format)" + (detail.map { ": \(firstLine(of: $0))" } ?? ""))
            }
            return InputIssue(field: path(context.codingPath), problem: firstLine(of: context.debugDescription))
        @unknown default:
            return InputIssue(field: "", problem: "cannot be read: \(error)")
        }
    }

    /// `models[2].regions[0]`.
    static func path(_ keys: [any CodingKey]) -> String {
        guard !keys.isEmpty else { return "(top level)" }
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Double.Type: return "a number"
        case is [Any].Type: return "a list"
        case is [String: Any].Type: return "a map of keys to values"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a map of keys to values" }
            return "a map of keys to values"
        }
    }

    /// Yams describes a syntax error over several lines (position, the line, a caret); keep the
    /// position and the problem on one line.
    static func syntaxProblem(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let during = context.map { $0.text.isEmpty ? "" : " (\($0.text))" } ?? ""
            return "line \(mark.line), column \(mark.column): \(problem)\(during)"
        default:
            return firstLine(of: "\(error)")
        }
    }

    static func firstLine(of text: String) -> String {
        text.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? text
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }
}
