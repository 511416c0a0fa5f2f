import CatalogModel
// libyaml itself (Yams's C module): its events show anchors and aliases before Yams composes
// them into values, and composing is where a "billion laughs" key costs: Yams hashes each key.
internal import CYaml

/// How many values (keys, items, scalars) a YAML text stands for once its aliases are
/// expanded, counted from libyaml's events in one pass: an alias counts what its anchor holds.
enum YAMLExpansion {
    /// Where the count first passes `limit` (1-based line and column), or `nil` when the text
    /// stays within it (or is not YAML: the parse that follows reports that).
    static func firstPlacePast(_ limit: Int, in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> (line: Int, column: Int)? in
            guard let base = buffer.baseAddress else { return nil }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var anchors: [String: Int] = [:]
            // Each open collection: its count so far, and its anchor.
            var open: [(count: Int, anchor: String?)] = []
            var total = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let place = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                var value: Int?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    value = 1
                    if let anchor = event.data.scalar.anchor { anchors[String(cString: anchor)] = 1 }
                case YAML_ALIAS_EVENT:
                    value = event.data.alias.anchor.flatMap { anchors[String(cString: $0)] } ?? 1
                case YAML_SEQUENCE_START_EVENT:
                    open.append((1, event.data.sequence_start.anchor.map { String(cString: $0) }))
                case YAML_MAPPING_START_EVENT:
                    open.append((1, event.data.mapping_start.anchor.map { String(cString: $0) }))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let closed = open.popLast() {
                        if let anchor = closed.anchor { anchors[anchor] = closed.count }
                        value = closed.count
                    }
                default:
                    break
                }
                guard let value else { continue }
                if open.isEmpty {
                    total = min(total + value, limit + 1)
                    if total > limit { return place }
                } else {
                    open[open.count - 1].count = min(open[open.count - 1].count + value, limit + 1)
                    if open[open.count - 1].count > limit { return place }
                }
            }
        }
    }
}
