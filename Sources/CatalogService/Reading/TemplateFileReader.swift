import CatalogModel
import CatalogSynthesis
import Foundation
import Yams

/// Reads a CloudFormation template file (JSON, or YAML with CloudFormation's short-form tags)
/// into a template value, such as one `aws cloudformation get-template` printed for a
/// deployed stack. A file that is not a template is an error naming it, and the line when
/// the text does not parse.
public struct TemplateFileReader: Sendable {
    public var documents = DocumentReader()

    public init() {}

    public func read(_ path: String) throws -> TemplateValue {
        let data = try documents.contents(of: path)
        let file = DocumentReader.name(path)
        let value = try Self.isYAML(path: path, data: data) ? yaml(data, file: file) : json(data, file: file)
        guard case .object = value, case .object? = value["Resources"] else {
            throw InputError(file: file, problem: "is not a CloudFormation template: it has no Resources map")
        }
        return value
    }

    /// By the file's extension; otherwise YAML unless it starts with `{`.
    private static func isYAML(path: String, data: Data) -> Bool {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") { return true }
        return !lowered.hasSuffix(".json") && DocumentReader.firstNonSpace(data) != UInt8(ascii: "{")
    }

    // MARK: - JSON

    private func json(_ data: Data, file: String) throws -> TemplateValue {
        do {
            return try JSONDecoder().decode(TemplateValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw InputError(file: file, problem: "is not valid JSON: " + DocumentReader.jsonSyntaxProblem(data))
        } catch let error as DecodingError {
            // The one value JSON has and templates do not.
            let field = switch error {
            case let .valueNotFound(_, context), let .typeMismatch(_, context), let .dataCorrupted(context):
                DocumentReader.path(context.codingPath)
            default: ""
            }
            throw InputError(file: file, issues: [InputIssue(field: field, problem: Self.nullProblem)])
        }
    }

    private static let nullProblem = "is null; a template value is text, a number, true or false, a list or a map"

    // MARK: - YAML

    /// YAML 1.2's core types: `yes`, `no` and dates stay text, as CloudFormation reads them.
    private static let resolver = (try? Resolver.default.removing(.timestamp)
        .replacing(.bool, with: "^(?:true|True|TRUE|false|False|FALSE)$")) ?? Resolver.default.removing(.timestamp)

    private func yaml(_ data: Data, file: String) throws -> TemplateValue {
        try DocumentReader.checkAliases(data, file: file)
        do {
            let parser = try Parser(yaml: String(decoding: data, as: UTF8.self), resolver: Self.resolver)
            guard let root = try parser.nextRoot() else { throw InputError(file: file, problem: "holds no YAML document") }
            if try parser.nextRoot() != nil {
                throw InputError(file: file, problem: "holds several YAML documents; a template is one")
            }
            try DocumentReader.checkExpansion([root], bytes: data.count, file: file)
            return try Self.value(of: root, file: file)
        } catch let error as YamlError {
            throw InputError(file: file, problem: "is not valid YAML: " + DocumentReader.syntaxProblem(error))
        }
    }

    /// A node as a template value; a node with a short-form tag (`!Ref X`, `!GetAtt A.B`,
    /// `!Sub ...`) as the function's long form (`{"Ref": "X"}`, `{"Fn::GetAtt": ["A", "B"]}`).
    private static func value(of node: Node, file: String) throws -> TemplateValue {
        let tag = node.tag.rawValue
        if tag.hasPrefix("!"), tag.count > 1 {
            let function = String(tag.dropFirst())
            let name = function == "Ref" || function == "Condition" ? function : "Fn::" + function
            if function == "GetAtt", case let .scalar(scalar) = node {
                // `!GetAtt Resource.Attribute`, where the attribute may hold dots of its own.
                let parts = scalar.string.split(separator: ".", maxSplits: 1).map { TemplateValue.string(String($0)) }
                return [name: .array(parts)]
            }
            if case let .scalar(scalar) = node { return [name: .string(scalar.string)] }
            return [name: try untagged(node, file: file)]
        }
        return try untagged(node, file: file)
    }

    private static func untagged(_ node: Node, file: String) throws -> TemplateValue {
        switch node {
        case let .scalar(scalar):
            return try self.scalar(scalar, tag: node.tag.rawValue, file: file)
        case let .sequence(sequence):
            return .array(try sequence.map { try value(of: $0, file: file) })
        case let .mapping(mapping):
            var members: [String: TemplateValue] = [:]
            for (key, item) in mapping {
                guard let key = key.string else {
                    throw InputError(file: file, problem: "line \(key.mark?.line ?? 0): a key is not text")
                }
                members[key] = try value(of: item, file: file)
            }
            return .object(TemplateObject(members))
        case .alias:
            throw InputError(file: file, problem: "line \(node.mark?.line ?? 0): an alias CloudFormation does not read")
        }
    }

    /// A number, true or false when YAML reads the text so and it is written in its usual
    /// form; else text (`0123`, an account id with a leading zero, stays text).
    private static func scalar(_ scalar: Node.Scalar, tag: String, file: String) throws -> TemplateValue {
        let text = scalar.string
        switch tag {
        case Tag.Name.null.rawValue:
            throw InputError(file: file, problem: "line \(scalar.mark?.line ?? 0): a value " + nullProblem)
        case Tag.Name.bool.rawValue:
            return .bool(text.lowercased() == "true")
        case Tag.Name.int.rawValue:
            if let number = Int(text), String(number) == text { return .number(number) }
        case Tag.Name.float.rawValue:
            if let number = Double(text), number.isFinite, text.contains(".") { return .decimal(number) }
        default:
            break
        }
        return .string(text)
    }
}
