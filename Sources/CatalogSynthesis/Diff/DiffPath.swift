/// Where a change is inside a resource or section: keys, and items of lists compared as sets.
///
/// As text (`PropertyChange.path`): keys joined with `.` (a key holding `.`, `[`, `]` or a space
/// is quoted: `Metadata["a.b"]`); a list item matched on both sides by an identifying field as
/// `[Key=team]` (tags), `[Sid=Invoke]` (statements); an item only the old list holds as `[-]`,
/// one only the new list holds as `[+]`.
struct DiffPath: Hashable, Sendable {
    enum Step: Hashable, Sendable {
        case key(String)
        /// A list item matched by `field`'s value on both sides.
        case item(field: String, value: String)
        case removedItem
        case addedItem

        var isListItem: Bool {
            if case .key = self { return false }
            return true
        }
    }

    var steps: [Step] = []

    func appending(_ step: Step) -> DiffPath {
        DiffPath(steps: steps + [step])
    }

    var text: String {
        var text = ""
        for step in steps {
            switch step {
            case let .key(key) where key.contains(where: { ".[] ".contains($0) }):
                text += "[\"\(key)\"]"
            case let .key(key):
                text += text.isEmpty ? key : ".\(key)"
            case let .item(field, value):
                text += "[\(field)=\(value)]"
            case .removedItem:
                text += "[-]"
            case .addedItem:
                text += "[+]"
            }
        }
        return text
    }
}
