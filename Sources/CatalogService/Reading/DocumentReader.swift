import CatalogModel
import Foundation
import Yams

/// Reads input files (JSON or YAML, or `-` for standard input) into `Decodable` values,
/// rejecting a missing, empty, oversized or malformed file with one line per problem that
/// names the file and the field. Every problem of every document is reported in one run:
/// unknown keys and bad fields are recorded while decoding goes on (`StrictDecoding`).
public struct DocumentReader: Sendable {
    /// The path that stands for standard input.
    public static let standardInput = "-"

    /// Files larger than this are refused before they are read: real catalog listings are far
    /// smaller (all of Bedrock's models fit in well under 1 MiB).
    public var maxBytes: Int

    public init(maxBytes: Int = 10 * 1024 * 1024) {
        self.maxBytes = maxBytes
    }

    /// One document of a file: its value, and every problem found in it. With problems, the
    /// value (when there is one) is what could be read, the bad optional fields left out (a bad
    /// required field leaves no value), so the rest can still be checked; it must not be used as it is.
    public struct Document<Value: Sendable>: Sendable {
        /// `document 2` in a YAML file of several, `[1]` in a JSON list, else empty.
        public var place: String
        public var value: Value?
        /// In the order they stand in the file; fields as key paths.
        public var issues: [InputIssue]
        /// The line a field (`properties.regions[1]`) starts on, when the format keeps lines.
        public var locator: FieldLocator
        /// Fields that could not be read (left out of `value`); unknown keys are not among them.
        public var unreadFields: [String] = []

        /// The issues with their fields' lines, as users read them.
        public var located: [InputIssue] { issues.map(locator.annotate) }
    }

    /// The one document of `path` (a catalog document, an AWS listing).
    public func read<Value: Decodable & Sendable>(_ type: Value.Type, from path: String) throws -> Value {
        try readDocument(type, from: path).value
    }

    /// The one document of `path`, with the lines of its fields for later messages.
    public func readDocument<Value: Decodable & Sendable>(
        _ type: Value.Type, from path: String
    ) throws -> (value: Value, locator: FieldLocator) {
        let documents = try self.documents(type, from: path, list: false)
        if documents.count > 1 {
            throw InputError(file: Self.name(path), problem: "holds \(documents.count) YAML documents; one is expected")
        }
        guard let document = documents.first else { throw InputError(file: Self.name(path), problem: "holds no document") }
        guard let value = document.value, document.issues.isEmpty else {
            throw InputError(file: Self.name(path), issues: document.located)
        }
        return (value, document.locator)
    }

    /// Every document of `path`: each YAML document, or a JSON value (each item of a JSON
    /// list when `list`). A syntax error throws; problems inside a document are in its `issues`.
    public func documents<Value: Decodable & Sendable>(
        _ type: Value.Type, from path: String, list: Bool
    ) throws -> [Document<Value>] {
        let data = try contents(of: path)
        return try documents(type, data: data, file: path, json: isJSON(path: path, data: data), list: list)
    }

    /// Every document of `data`, already read from `file` and checked (`contents(of:)`).
    func documents<Value: Decodable & Sendable>(
        _ type: Value.Type, data: Data, file: String, json: Bool, list: Bool
    ) throws -> [Document<Value>] {
        if json {
            return try jsonDocuments(type, data: data, file: file, list: list)
        }
        return try yamlDocuments(type, data: data, file: file)
    }

    /// How a path is named in messages: standard input as `<stdin>`.
    public static func name(_ path: String) -> String {
        path == standardInput ? "<stdin>" : path
    }

    // MARK: - Bytes

    /// The file's bytes (or standard input's), after the checks that need no parsing.
    public func contents(of path: String) throws -> Data {
        let data: Data
        if path == Self.standardInput {
            data = FileHandle.standardInput.readData(ofLength: maxBytes + 1)
            guard data.count <= maxBytes else {
                throw InputError(file: Self.name(path), problem: "is over \(Self.megabytes(maxBytes)) MB; "
                    + "input up to \(Self.megabytes(maxBytes)) MB is read")
            }
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(file: path, problem: "no such file")
            }
            guard !isDirectory.boolValue else { throw InputError(file: path, problem: "is a folder, not a file") }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= maxBytes else {
                throw InputError(file: path, problem: "is \(Self.megabytes(size)) MB; files up to "
                    + "\(Self.megabytes(maxBytes)) MB are read")
            }
            guard let read = FileManager.default.contents(atPath: path) else {
                throw InputError(file: path, problem: "cannot be read (check its permissions)")
            }
            data = read
        }
        try Self.check(data, file: path)
        return data
    }

    /// Refuses bytes that are blank, not UTF-8, or hold a NUL byte (no text format allows one
    /// raw), naming the first bad byte's line.
    static func check(_ data: Data, file: String) throws {
        guard firstNonSpace(data) != nil else {
            throw InputError(file: name(file), problem: "is empty")
        }
        if let nul = data.firstIndex(of: 0) {
            throw InputError(file: name(file), problem: "line \(line(at: nul, in: data)): holds a NUL byte; "
                + "a text file (UTF-8 JSON or YAML) is expected")
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            let valid = validUTF8Prefix(data)
            throw InputError(file: name(file), problem: "line \(line(at: valid, in: data)): is not UTF-8 text "
                + "(byte \(valid + 1) starts no UTF-8 character)")
        }
    }

    /// The 1-based line of the byte at `offset`.
    static func line(at offset: Int, in data: Data) -> Int {
        data.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// How many leading bytes of `data` are whole UTF-8 characters.
    static func validUTF8Prefix(_ data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }

    /// By the file's extension; otherwise (standard input included) JSON when it starts with `{` or `[`.
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

    // MARK: - JSON

    private func jsonDocuments<Value: Decodable & Sendable>(
        _ type: Value.Type, data: Data, file: String, list: Bool
    ) throws -> [Document<Value>] {
        let problems = DecodingProblems()
        let decoder = JSONDecoder()
        decoder.userInfo[DecodingProblems.key] = problems
        do {
            if list && Self.firstNonSpace(data) == UInt8(ascii: "[") {
                let items = try decoder.decode([Attempt<Value>].self, from: data)
                return items.enumerated().map { index, item in
                    Document(place: "[\(index)]", value: item.value,
                             issues: item.errors.map { Self.issue(for: $0, format: "JSON", dropping: 1) },
                             locator: FieldLocator(), unreadFields: Self.unreadFields(item.errors, format: "JSON", dropping: 1))
                }
            }
            let attempt = try decoder.decode(Attempt<Value>.self, from: data)
            return [Document(place: "", value: attempt.value,
                             issues: attempt.errors.map { Self.issue(for: $0, format: "JSON") }, locator: FieldLocator(),
                             unreadFields: Self.unreadFields(attempt.errors, format: "JSON"))]
        } catch let error as DecodingError {
            var issue = Self.issue(for: error, format: "JSON")
            if case let .dataCorrupted(context) = error, context.codingPath.isEmpty {
                // libyaml finds the place; its words for JSON's shapes are YAML's.
                issue.problem += ": " + Self.jsonSyntaxProblem(data)
                    .replacingOccurrences(of: "a flow sequence", with: "a list")
                    .replacingOccurrences(of: "a flow mapping", with: "an object")
            }
            throw InputError(file: Self.name(file), issues: [issue])
        }
    }

    // MARK: - YAML

    private func yamlDocuments<Value: Decodable & Sendable>(
        _ type: Value.Type, data: Data, file: String
    ) throws -> [Document<Value>] {
        var roots: [Node] = []
        try Self.checkAliases(data, file: Self.name(file))
        do {
            let parser = try Parser(yaml: String(decoding: data, as: UTF8.self))
            while let root = try parser.nextRoot() { roots.append(root) }
        } catch let error as YamlError {
            throw InputError(file: Self.name(file), problem: "is not valid YAML: " + Self.syntaxProblem(error))
        }
        try Self.checkExpansion(roots, bytes: data.count, file: Self.name(file), plainTagsOnly: true)
        return roots.enumerated().map { index, root in
            let place = roots.count > 1 ? "document \(index + 1)" : ""
            let locator = FieldLocator(root: root)
            var attempt = Attempt<Value>()
            var other: [InputIssue] = []
            do {
                attempt = try YAMLDecoder().decode(Attempt<Value>.self, from: root,
                                                   userInfo: [DecodingProblems.key: DecodingProblems()])
            } catch let error as YamlError {
                other.append(InputIssue(field: "", problem: "is not valid YAML: " + Self.syntaxProblem(error)))
            } catch {
                other.append(InputIssue(field: "", problem: "cannot be read: \(error)"))
            }
            let issues = other + locator.inLineOrder(attempt.errors.map { Self.issue(for: $0, format: "YAML") },
                                                     field: \.field)
            return Document(place: place, value: attempt.value, issues: issues, locator: locator,
                            unreadFields: Self.unreadFields(attempt.errors, format: "YAML"))
        }
    }

    /// How many values (keys, items, scalars) a YAML file of `bytes` may stand for once its
    /// aliases are expanded: a value takes at least two bytes, so a file without aliases never
    /// comes near it.
    static func maxValues(forBytes bytes: Int) -> Int { 100_000 + bytes }

    /// Refuses a text whose aliases stand for more values than `maxValues(forBytes:)`, before
    /// Yams composes it (which hashes every key, however large: an alias to a billion values
    /// used as a key would never finish).
    static func checkAliases(_ data: Data, file: String) throws {
        let limit = maxValues(forBytes: data.count)
        if let place = YAMLExpansion.firstPlacePast(limit, in: [UInt8](data)) {
            throw InputError(file: file, problem: "line \(place.line), column \(place.column): its aliases expand the file "
                + "past \(limit) values (keys, items and scalars); an alias may repeat an anchored value, not multiply "
                + "the document")
        }
    }

    /// Refuses documents whose aliases stand for more values than `maxValues(forBytes:)` and,
    /// when `plainTagsOnly`, values with a tag outside YAML's core schema (`!!python/object`,
    /// `!!binary`, `!Ref`), which deploycat's documents never use. Aliases share what they name,
    /// so composing is cheap; reading is not: 9 levels of 10 aliases each stand for a billion
    /// values. Counting stops at the limit.
    static func checkExpansion(_ roots: [Node], bytes: Int, file: String, plainTagsOnly: Bool = false) throws {
        var walk = NodeWalk(budget: maxValues(forBytes: bytes), plainTagsOnly: plainTagsOnly)
        for root in roots {
            switch walk.problem(in: root) {
            case nil: continue
            case let .expands(line, column):
                throw InputError(file: file, problem: "line \(line), column \(column): its aliases expand the file past "
                    + "\(maxValues(forBytes: bytes)) values (keys, items and scalars); an alias may repeat an anchored "
                    + "value, not multiply the document")
            case let .tag(tag, line, column):
                throw InputError(file: file, problem: "line \(line), column \(column): the tag \"\(tag)\" is not read; "
                    + "values are plain YAML (text, numbers, true or false, dates, lists and maps) without tags")
            }
        }
    }

    // MARK: - Messages

    /// The fields `errors` kept from being read: every problem but an unknown key's.
    static func unreadFields(_ errors: [DecodingError], format: String, dropping: Int = 0) -> [String] {
        errors.filter { error in
            if case let .dataCorrupted(context) = error, context.underlyingError is UnknownKey { return false }
            return true
        }.map { issue(for: $0, format: format, dropping: dropping).field }.filter { !$0.isEmpty }
    }

    /// Restates a decoding error as the field's key path and what was expected, in plain words;
    /// `dropping` leading path components (a list item's index, named by its place instead).
    static func issue(for error: DecodingError, format: String, dropping: Int = 0) -> InputIssue {
        switch error {
        case let .keyNotFound(key, context):
            return InputIssue(field: path((context.codingPath + [key]).dropFirst(dropping)), problem: "is required but missing")
        case let .typeMismatch(type, context):
            return InputIssue(field: path(context.codingPath.dropFirst(dropping)), problem: "expected \(describe(type))")
        case let .valueNotFound(type, context):
            return InputIssue(field: path(context.codingPath.dropFirst(dropping)),
                              problem: "is required but missing (null); expected \(describe(type))")
        case let .dataCorrupted(context):
            if let yaml = context.underlyingError as? YamlError {
                return InputIssue(field: "", problem: "is not valid YAML: " + syntaxProblem(yaml))
            }
            if context.codingPath.isEmpty {
                return InputIssue(field: "", problem: "is not valid \(format)")
            }
            return InputIssue(field: path(context.codingPath.dropFirst(dropping)),
                              problem: firstLine(of: context.debugDescription))
        @unknown default:
            return InputIssue(field: "", problem: "cannot be read: \(error)")
        }
    }

    /// `models[2].regions[0]`.
    static func path<Keys: Collection>(_ keys: Keys) -> String where Keys.Element == any CodingKey {
        guard !keys.isEmpty else { return "(top level)" }
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else if key.stringValue.isEmpty {
                text += text.isEmpty ? "\"\"" : ".\"\""
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
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case let named as any NamedValue.Type: return "one of " + named.allowedValues
        default:
            // Foundation names Swift's collection types; Yams names its node kinds (`Node.Sequence`),
            // and `Node.Scalar` for any single value (text, number, true or false).
            let name = "\(type)"
            if name.hasSuffix("Scalar") { return "a single value, not a list or a map" }
            return name.hasPrefix("Array") || name.hasSuffix("Sequence") ? "a list" : "a map of keys to values"
        }
    }

    /// Yams describes a syntax error over several lines (position, the line, a caret); keep the
    /// position and the problem on one line.
    static func syntaxProblem(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            // The context is what was open when the problem showed, such as a list whose `]` is missing.
            var during = ""
            if let context, !context.text.isEmpty {
                let here = context.mark.line == mark.line && context.mark.column == mark.column
                during = " (\(context.text)" + (here ? "" : " that starts on line \(context.mark.line), column "
                    + "\(context.mark.column)") + ")"
            }
            return "line \(mark.line), column \(mark.column): \(problem)\(during)"
        case let .duplicatedKeysInMapping(duplicates, context):
            return "line \(context.mark.line), column \(context.mark.column): a key is given twice in one map: "
                + duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
        default:
            return firstLine(of: "\(error)")
        }
    }

    /// Where and why `data` is not JSON. Foundation's decoder does not say where on Linux;
    /// libyaml, which reads JSON as YAML's flow style, does for most mistakes (a missing comma,
    /// an unclosed bracket, a bad value). For what YAML accepts but JSON does not (a trailing
    /// comma), Foundation's character offset becomes a line and column.
    static func jsonSyntaxProblem(_ data: Data) -> String {
        let text = String(decoding: data, as: UTF8.self)
        // Not JSON, so possibly YAML with aliases: composed only when they expand within bounds.
        if YAMLExpansion.firstPlacePast(maxValues(forBytes: data.count), in: [UInt8](data)) == nil {
            do {
                let parser = try Parser(yaml: text)
                while try parser.nextRoot() != nil {}
            } catch let error as YamlError {
                return syntaxProblem(error)
            } catch {}
        }
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if let range = detail.range(of: #"around character (\d+)"#, options: .regularExpression),
               let offset = Int(detail[range].split(separator: " ").last ?? "") {
                let before = data.prefix(offset)
                let line = before.filter { $0 == 0x0A }.count + 1
                let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
                return "line \(line), column \(column): " + detail[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                    .lowercased()
            }
            return firstLine(of: detail).lowercased()
        }
        return "a value is not what JSON allows there"
    }

    static func firstLine(of text: String) -> String {
        text.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? text
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }
}

/// A value decoded on its own, keeping what went wrong (the problems recorded while it was read,
/// then the one that stopped it) instead of failing its neighbours: each YAML document and each
/// item of a JSON list is one.
private struct Attempt<Value: Decodable>: Decodable {
    var value: Value?
    var errors: [DecodingError] = []

    init() {}

    init(from decoder: any Decoder) throws {
        let problems = decoder.userInfo[DecodingProblems.key] as? DecodingProblems
        let start = problems?.count ?? 0
        do {
            value = try Value(from: decoder)
        } catch let error as DecodingError {
            errors.append(error)
        } catch is DecodingProblems.Recorded {
            value = nil
        }
        errors = (problems?.errors(since: start) ?? []) + errors
    }
}

/// One walk over YAML nodes, aliases expanded, that stops at the first problem: more values
/// than its budget, or (when asked) a tag outside YAML's core schema.
private struct NodeWalk {
    enum Problem {
        case expands(line: Int, column: Int)
        case tag(String, line: Int, column: Int)
    }

    var budget: Int
    var plainTagsOnly: Bool

    static let coreTags: Set<String> = Set(["str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge", "value"]
        .map { "tag:yaml.org,2002:" + $0 })

    mutating func problem(in node: Node) -> Problem? {
        budget -= 1
        let line = node.mark?.line ?? 0, column = node.mark?.column ?? 0
        if budget < 0 { return .expands(line: line, column: column) }
        if plainTagsOnly {
            let tag = node.tag.rawValue
            if !Self.coreTags.contains(tag) {
                let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst(18) : tag
                return .tag(String(shown), line: line, column: column)
            }
        }
        switch node {
        case .scalar, .alias: return nil
        case let .sequence(sequence):
            for item in sequence {
                if let problem = problem(in: item) { return problem }
            }
        case let .mapping(mapping):
            for (key, value) in mapping {
                if let problem = problem(in: key) ?? problem(in: value) { return problem }
            }
        }
        return nil
    }
}
