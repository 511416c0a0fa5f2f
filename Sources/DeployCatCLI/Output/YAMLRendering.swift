import CatalogSynthesis
import Yams

/// Renders a template as YAML with keys in the same sorted order as its canonical JSON.
enum YAMLRendering {
    static func yaml(fromJSON json: String) throws -> String {
        try Yams.serialize(node: node(TemplateValue.parse(json)), width: -1, sortKeys: true)
    }

    private static func node(_ value: TemplateValue) -> Node {
        switch value {
        case let .string(text): return Node(text, Tag(.str), text.isEmpty || looksTyped(text) ? .doubleQuoted : .any)
        case let .number(number): return Node(String(number), Tag(.int))
        case let .decimal(number): return Node(String(number), Tag(.float))
        case let .bool(flag): return Node(flag ? "true" : "false", Tag(.bool))
        case let .array(values): return Node(values.map(node))
        case let .object(members):
            return Node(members.members.map { (Node($0.key, Tag(.str), .any), node($0.value)) })
        }
    }

    /// Text YAML would read back as another type (`true`, `1.5`, `null`, `443`, `2010-09-09`)
    /// is quoted.
    private static func looksTyped(_ text: String) -> Bool {
        let plain = Node(text)
        return plain.bool != nil || plain.int != nil || plain.float != nil || plain.null != nil || plain.timestamp != nil
    }
}
