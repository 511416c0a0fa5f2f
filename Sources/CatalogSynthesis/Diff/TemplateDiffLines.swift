/// A template diff as lines of styled text, the one wording of a diff that the terminal (in
/// colour) and the HTML report (in spans) both paint: the summary, then `~` changed, `+` added
/// and `-` removed resources with their changed paths, values as compact JSON. Replacements
/// are said in words, so they show without colour too.
public struct DiffLine: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        case plain, added, removed, changed
        /// `REPLACED`, `(replacement)`: what makes CloudFormation replace a resource.
        case replacement
    }

    public var indent: Int
    public var segments: [(text: String, style: Style)]

    public static func == (lhs: DiffLine, rhs: DiffLine) -> Bool {
        lhs.indent == rhs.indent && lhs.segments.map(\.text) == rhs.segments.map(\.text)
            && lhs.segments.map(\.style) == rhs.segments.map(\.style)
    }
}

extension TemplateDiff {
    /// Values longer than this go on lines of their own, old above new.
    public static let inlineWidth = 60

    /// The diff's lines; an empty line between resources. Empty when there is no difference.
    public var lines: [DiffLine] {
        guard !isEmpty else { return [] }
        var lines = [DiffLine(indent: 0, segments: [(summary, .plain)])]
        for resource in resources {
            lines.append(DiffLine(indent: 0, segments: []))
            let text = "\(resource.logicalId) (\(resource.type))"
            switch resource.change {
            case .added: lines.append(DiffLine(indent: 0, segments: [("+ \(text) added", .added)]))
            case .removed: lines.append(DiffLine(indent: 0, segments: [("- \(text) removed", .removed)]))
            case .changed:
                lines.append(DiffLine(indent: 0, segments: [("~ \(text) changed", .changed)]
                    + (resource.replaces ? [(" ", .plain), ("REPLACED", .replacement)] : [])))
            }
            lines += resource.properties.flatMap { Self.lines($0, indent: 4) }
        }
        if !sections.isEmpty {
            lines += [DiffLine(indent: 0, segments: []), DiffLine(indent: 0, segments: [("outside Resources:", .plain)])]
            lines += sections.flatMap { Self.lines($0, indent: 4) }
        }
        return lines
    }

    private static func lines(_ change: PropertyChange, indent: Int) -> [DiffLine] {
        let (marker, style): (String, DiffLine.Style) = switch (change.old, change.new) {
        case (nil, _): ("+", .added)
        case (_, nil): ("-", .removed)
        default: ("~", .changed)
        }
        let replacement: [(text: String, style: DiffLine.Style)] = change.replaces ? [("  ", .plain), ("(replacement)", .replacement)] : []
        let old = change.old?.compactJSON, new = change.new?.compactJSON
        let values = [old, new].compactMap { $0 }
        if values.allSatisfy({ $0.count <= inlineWidth }) {
            return [DiffLine(indent: indent, segments: [("\(marker) \(change.path)", style), (": " + values.joined(separator: " -> "), .plain)]
                + replacement)]
        }
        return [DiffLine(indent: indent, segments: [("\(marker) \(change.path)", style)] + replacement)]
            + [old.map { DiffLine(indent: indent + 4, segments: [("- " + $0, .removed)]) },
               new.map { DiffLine(indent: indent + 4, segments: [("+ " + $0, .added)]) }].compactMap { $0 }
    }
}
