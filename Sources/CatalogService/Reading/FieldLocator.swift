import CatalogModel
import Yams

/// Finds the line a field of a YAML document is written on, so a problem with
/// `properties.lambdaFunctionProps.runtime` also says `line 14`. JSON documents have no
/// locator (Foundation keeps no positions), and fields it cannot find keep no line. Sendable
/// because the node it holds is never changed after parsing.
public struct FieldLocator: @unchecked Sendable {
    private let root: Node?

    public init() {
        root = nil
    }

    init(root: Node?) {
        self.root = root
    }

    /// The 1-based line of `field` (`regions[1]`, `tags.cost-center`), or of the nearest
    /// enclosing field that exists (for a missing key, the map it is missing from).
    public func line(of field: String) -> Int? {
        guard var node = root else { return nil }
        var line = node.mark?.line
        var tokens = Self.tokens(field)[...]
        while let token = tokens.first {
            switch (node, token) {
            case let (.sequence(sequence), .index(index)) where index < sequence.count:
                node = sequence[index]
                tokens = tokens.dropFirst()
            case let (.mapping(mapping), .key):
                // Keys may hold dots (`tags.team.name`): take the longest run of tokens that is a key.
                let found = (1...tokens.count).reversed().lazy.compactMap { length -> (Int, Node.Mapping.Element)? in
                    let keys = tokens.prefix(length)
                    guard keys.allSatisfy(\.isKey) else { return nil }
                    let text = keys.map(\.text).joined(separator: ".")
                    return mapping.first { $0.key.string == text }.map { (length, $0) }
                }.first
                guard let (length, pair) = found else { return line }
                line = pair.key.mark?.line ?? line
                node = pair.value
                tokens = tokens.dropFirst(length)
                continue
            default:
                return line
            }
            line = node.mark?.line ?? line
        }
        return line
    }

    /// `items` in the order of their fields' lines (fields not found last), otherwise as given.
    public func inLineOrder<Item>(_ items: [Item], field: (Item) -> String) -> [Item] {
        items.enumerated()
            .map { (line: line(of: field($1)) ?? .max, order: $0, item: $1) }
            .sorted { ($0.line, $0.order) < ($1.line, $1.order) }
            .map(\.item)
    }

    /// The issue with its field's line added: `properties.runtime (line 14)`.
    public func annotate(_ issue: InputIssue) -> InputIssue {
        guard root != nil, !issue.field.isEmpty, let line = line(of: issue.field == "(top level)" ? "" : issue.field) else {
            return issue
        }
        return InputIssue(field: "\(issue.field) (line \(line))", problem: issue.problem)
    }

    private enum Token {
        case key(String)
        case index(Int)

        var isKey: Bool { if case .key = self { true } else { false } }
        var text: String {
            switch self {
            case let .key(text): text
            case let .index(index): "[\(index)]"
            }
        }
    }

    /// `a.b[2].c` -> key a, key b, index 2, key c.
    private static func tokens(_ field: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var index: String?
        for character in field {
            if var digits = index {
                if character == "]" {
                    if let value = Int(digits) { tokens.append(.index(value)) }
                    index = nil
                } else {
                    digits.append(character)
                    index = digits
                }
            } else if character == "." || character == "[" {
                if !current.isEmpty { tokens.append(.key(current)) }
                current = ""
                if character == "[" { index = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(.key(current)) }
        return tokens
    }
}
