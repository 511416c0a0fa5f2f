/// Whether a change to a resource makes CloudFormation replace it: it touches one of the
/// resource type's create-only properties (`CreateOnlyProperties`), and what that property
/// holds differs between the two resources.
///
/// A change at a create-only path or below it (`Foo/Bar` changed at `Foo.Bar.Baz`) touches it,
/// and so does one above it (`Foo` replaced as a whole). Where the path says `*` (any list
/// item), the values of all items are compared as a set: a list item added or changed replaces
/// only when the create-only values of the list change, not when a sibling field does.
struct ReplacementRule: Sendable {
    /// Create-only paths below `Properties`, each split into its levels (`*`: any list item).
    let paths: [[String]]

    init(type: String) {
        paths = Self.table[type] ?? []
    }

    /// Every type's create-only paths, read from the generated table once.
    private static let table: [String: [[String]]] = {
        var table: [String: [[String]]] = [:]
        for line in CreateOnlyProperties.table.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard let type = words.first else { continue }
            table[String(type)] = words.dropFirst().map { $0.split(separator: "/").map(String.init) }
        }
        return table
    }()

    /// Whether `change`, at a path within the resource (`Properties.Foo...`), replaces it, `old`
    /// and `new` being the whole resource on each side.
    func replaces(_ change: ValueChange, old: TemplateValue, new: TemplateValue) -> Bool {
        guard case .key("Properties")? = change.path.steps.first else { return false }
        let steps = change.path.steps.dropFirst()
        return paths.contains { path in
            guard zip(path, steps).allSatisfy({ level, step in Self.matches(level, step) }) else { return false }
            let full = ["Properties"] + path
            return !StructuralComparison.sameItems(Self.values(at: full, in: old), Self.values(at: full, in: new))
        }
    }

    private static func matches(_ level: String, _ step: DiffPath.Step) -> Bool {
        if case let .key(key) = step { return key == level }
        return level == "*" && step.isListItem
    }

    /// What `path` leads to in `value`: one value per list item where it says `*`, none where it
    /// leads nowhere.
    private static func values(at path: [String], in value: TemplateValue?) -> [TemplateValue] {
        guard let value else { return [] }
        guard let level = path.first else { return [value] }
        let rest = Array(path.dropFirst())
        if level == "*" {
            guard case let .array(items) = value else { return [] }
            return items.flatMap { values(at: rest, in: $0) }
        }
        return values(at: rest, in: value[level])
    }
}
