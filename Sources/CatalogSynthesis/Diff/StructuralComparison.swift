/// Compares two template values structurally: objects key by key, lists as sets (an item
/// added or removed, not an index shift), intrinsic functions (`Ref`, `Fn::*`) as one value.
///
/// Scalars compare by their text, so `512` and `"512"` are the same: CloudFormation reads
/// both alike, and a template written by hand or in YAML often differs only so.
enum StructuralComparison {
    /// Fields that identify an item of a list of objects, tried in order: the tag's `Key`, the
    /// statement's `Sid`, a target's `Id`, a container's `Name`, an inline policy's `PolicyName`.
    static let identifyingFields = ["Key", "Sid", "Id", "Name", "PolicyName"]

    /// Lists whose order never matters to CloudFormation: a change of order alone is not reported.
    /// Other lists whose items are the same in another order are reported as one change of the
    /// whole list, since their order may matter (a function's `Layers`, a container's `Command`).
    static let orderFreeLists: Set<String> = [
        "Tags", "Statement", "Action", "NotAction", "Resource", "NotResource", "Principal", "AWS", "Service",
        "Roles", "Users", "Groups", "SecurityGroupIds", "SubnetIds", "ManagedPolicyArns", "DependsOn", "AllowedValues",
    ]

    static func changes(_ old: TemplateValue?, _ new: TemplateValue?, at path: DiffPath = DiffPath()) -> [ValueChange] {
        guard let old, let new else {
            return old == nil && new == nil ? [] : [ValueChange(path: path, old: old, new: new)]
        }
        if same(old, new) { return [] }
        switch (old, new) {
        case let (.object(before), .object(after)) where !isFunction(before) && !isFunction(after):
            return Set(before.keys).union(after.keys).sorted().flatMap { key in
                changes(before[key], after[key], at: path.appending(.key(key)))
            }
        case let (.array(before), .array(after)):
            return listChanges(before, after, at: path)
        default:
            return [ValueChange(path: path, old: old, new: new)]
        }
    }

    /// Whether two values are the same to CloudFormation (scalars by their text).
    static func same(_ a: TemplateValue?, _ b: TemplateValue?) -> Bool {
        a.map(comparable) == b.map(comparable)
    }

    /// Whether two lists hold the same items, in any order, each as often.
    static func sameItems(_ a: [TemplateValue], _ b: [TemplateValue]) -> Bool {
        a.count == b.count && unmatched(a, in: b).isEmpty
    }

    /// `Ref` and `Fn::*` objects are compared whole: their arguments are positional, and a
    /// function changed is easier to read as one old and one new value.
    private static func isFunction(_ members: TemplateObject) -> Bool {
        guard members.count == 1, let key = members.keys.first else { return false }
        return key == "Ref" || key.hasPrefix("Fn::")
    }

    // MARK: - Lists

    private static func listChanges(_ old: [TemplateValue], _ new: [TemplateValue], at path: DiffPath) -> [ValueChange] {
        if let field = identifyingField(old + new), let before = keyed(old, by: field), let after = keyed(new, by: field) {
            return Set(before.keys).union(after.keys).sorted().flatMap { value in
                changes(before[value], after[value], at: path.appending(.item(field: field, value: value)))
            }
        }
        let removed = unmatched(old, in: new)
        let added = unmatched(new, in: old)
        if removed.isEmpty && added.isEmpty {
            // The same items in another order.
            guard case let .key(name)? = path.steps.last, orderFreeLists.contains(name) else {
                return [ValueChange(path: path, old: .array(old), new: .array(new))]
            }
            return []
        }
        return removed.map { ValueChange(path: path.appending(.removedItem), old: $0, new: nil) }
            + added.map { ValueChange(path: path.appending(.addedItem), old: nil, new: $0) }
    }

    /// The items of `items` that `others` does not hold, each counted as often as it occurs.
    static func unmatched(_ items: [TemplateValue], in others: [TemplateValue]) -> [TemplateValue] {
        var available = Dictionary(others.map { (comparable($0), 1) }, uniquingKeysWith: +)
        return items.filter { item in
            let key = comparable(item)
            guard let count = available[key], count > 0 else { return true }
            available[key] = count - 1
            return false
        }
    }

    /// The first of `identifyingFields` that every item has as a string.
    private static func identifyingField(_ items: [TemplateValue]) -> String? {
        guard !items.isEmpty else { return nil }
        return identifyingFields.first { field in
            items.allSatisfy { if case .string? = $0[field] { true } else { false } }
        }
    }

    /// The items by their `field`, or `nil` when two share a value.
    private static func keyed(_ items: [TemplateValue], by field: String) -> [String: TemplateValue]? {
        var byValue: [String: TemplateValue] = [:]
        for item in items {
            guard case let .string(value)? = item[field], byValue.updateValue(item, forKey: value) == nil else { return nil }
        }
        return byValue
    }

    // MARK: - Scalars as text

    /// The value with every scalar as its text.
    private static func comparable(_ value: TemplateValue) -> TemplateValue {
        switch value {
        case .string: value
        case let .number(number): .string(String(number))
        case let .decimal(number): .string(Int(exactly: number).map(String.init) ?? String(number))
        case let .bool(flag): .string(flag ? "true" : "false")
        case let .array(items): .array(items.map(comparable))
        case let .object(members): .object(members.mapValues(comparable))
        }
    }
}
