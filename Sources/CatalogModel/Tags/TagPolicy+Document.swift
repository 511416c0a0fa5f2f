import Foundation

extension TagPolicy {
    /// Reads an AWS Organizations tag policy (JSON): `tags.<policy key>` with `tag_key`,
    /// `tag_value` and `enforced_for`, each as `{"@@assign": ...}` or, as an effective policy
    /// prints them, bare; plus deploycat's `required: true`. Every problem is reported at once,
    /// each at its JSON path (`tags.costcenter.tag_value.@@assign[2]`).
    public static func parse(json data: Data) throws(InputError) -> TagPolicy {
        let root = try JSONValue.parse(data)
        var reader = PolicyReader()
        let policy = reader.policy(root)
        try reader.issues.throwIfAny()
        return policy
    }

    /// The policy as JSON in Organizations' syntax (with `@@assign`), keys sorted: what `tags
    /// policy show --json` prints and `tags policy set` reads back unchanged.
    public var document: PolicyDocument {
        PolicyDocument(tags: Dictionary(uniqueKeysWithValues: sorted.map { entry in
            (entry.policyKey, PolicyDocument.Entry(
                tagKey: .init(entry.key), tagValue: entry.allowedValues.map(PolicyDocument.Assigned.init),
                enforcedFor: entry.enforcedFor.isEmpty ? nil : .init(entry.enforcedFor), required: entry.required ? true : nil))
        }))
    }

    /// A policy in Organizations' JSON shape, for output.
    public struct PolicyDocument: Encodable, Sendable {
        public var tags: [String: Entry]

        public struct Entry: Encodable, Sendable {
            var tagKey: Assigned<String>
            var tagValue: Assigned<[String]>?
            var enforcedFor: Assigned<[String]>?
            var required: Bool?

            enum CodingKeys: String, CodingKey {
                case tagKey = "tag_key", tagValue = "tag_value", enforcedFor = "enforced_for", required
            }
        }

        public struct Assigned<Value: Encodable & Sendable>: Encodable, Sendable {
            var value: Value
            init(_ value: Value) { self.value = value }
            enum CodingKeys: String, CodingKey { case value = "@@assign" }
        }
    }
}

/// Walks a parsed policy, collecting every problem at its JSON path.
private struct PolicyReader {
    var issues = IssueCollector()

    /// Operators that combine a policy with those it inherits; deploycat keeps one policy, as
    /// the effective one reads.
    static let inheritanceOperators = ["@@append", "@@remove"]
    /// Keys Organizations allows beside the values, which say what child policies may do.
    static let childOperators = "@@operators_allowed_for_child_policies"
    static let entryFields = ["tag_key", "tag_value", "enforced_for", "report_required_tag_for", "required"]

    mutating func policy(_ root: JSONValue) -> TagPolicy {
        guard let object = root.object else {
            issues.add("", "a tag policy is a JSON object: {\"tags\": {\"costcenter\": {\"tag_key\": {\"@@assign\": \"CostCenter\"}}}}")
            return TagPolicy()
        }
        for key in object.keys.sorted() where key != "tags" {
            issues.add(key, "unknown key; a tag policy holds \"tags\" only")
        }
        guard let tags = object["tags"] else {
            issues.add("tags", "is missing; it maps each policy key to its tag_key, tag_value, enforced_for and required")
            return TagPolicy()
        }
        guard let entries = tags.object else {
            issues.add("tags", "must be an object of policy keys")
            return TagPolicy()
        }
        if entries.keys.allSatisfy({ $0 == Self.childOperators }) {
            issues.add("tags", "names no key; a policy names one or more (to remove the policy, run `deploycat tags policy clear`)")
        }
        var keys: [TagPolicy.Key] = []
        var seen: [String: String] = [:]
        for policyKey in entries.keys.sorted() where policyKey != Self.childOperators {
            let at = "tags.\(policyKey)"
            if let earlier = seen[policyKey.lowercased()] {
                issues.add(at, "names the same key as tags.\(earlier); policy keys are compared without regard to case")
                continue
            }
            seen[policyKey.lowercased()] = policyKey
            if let key = entry(entries[policyKey]!, policyKey: policyKey, at: at) { keys.append(key) }
        }
        return TagPolicy(keys: keys)
    }

    private mutating func entry(_ value: JSONValue, policyKey: String, at: String) -> TagPolicy.Key? {
        guard let fields = value.object else {
            issues.add(at, "must be an object with tag_key (and optionally tag_value, enforced_for, required)")
            return nil
        }
        for name in fields.keys.sorted() where !Self.entryFields.contains(name) && name != Self.childOperators {
            issues.add("\(at).\(name)", "unknown key" + Suggestions.didYouMean(name, in: Self.entryFields)
                + "; allowed: " + Self.entryFields.joined(separator: ", "))
        }
        // Without tag_key, Organizations treats the key in lowercase.
        var key: String?
        var keyPath = "\(at).tag_key"
        var text: String? = policyKey.lowercased()
        if let raw = fields["tag_key"] {
            let found = assigned(raw, at: keyPath, what: "the key as resources carry it (text)")
            keyPath = found?.1 ?? keyPath
            text = found.flatMap { typed($0.0, at: $0.1, \.string, what: "the key as resources carry it (text)") }
        }
        if let text { key = spelling(text, of: policyKey, at: keyPath) }
        var allowed: [String]?
        if let raw = fields["tag_value"], let (list, path) = assigned(raw, at: "\(at).tag_value", what: "a list of allowed values"),
           let values = typed(list, at: path, \.array, what: "a list of allowed values") {
            allowed = strings(values, at: path, what: "an allowed value") { value, place in
                var problems = TagRules.valueIssues(value.replacingOccurrences(of: "*", with: ""), at: place)
                if value.filter({ $0 == "*" }).count > 1 {
                    problems.append(InputIssue(field: place, problem: "has more than one *; a value may hold one wildcard"))
                }
                return problems
            }
        }
        var enforced: [String] = []
        if let raw = fields["enforced_for"], let (list, path) = assigned(raw, at: "\(at).enforced_for", what: "a list of resource types"),
           let types = typed(list, at: path, \.array, what: "a list of resource types") {
            enforced = strings(types, at: path, what: "a resource type") { type, place in
                TagPolicyResourceTypes.issues(type, at: place)
            } ?? []
        }
        var required = false
        if let raw = fields["required"] {
            required = typed(raw, at: "\(at).required", \.bool, what: "true or false") ?? false
        }
        // Organizations' own way to ask for a key on resource types: deploycat requires it of every app.
        if let raw = fields["report_required_tag_for"],
           let (list, path) = assigned(raw, at: "\(at).report_required_tag_for", what: "a list of resource types"),
           let types = typed(list, at: path, \.array, what: "a list of resource types"),
           let checked = strings(types, at: path, what: "a resource type", check: TagPolicyResourceTypes.issues) {
            required = required || !checked.isEmpty
        }
        guard let key else { return nil }
        return TagPolicy.Key(key: key, allowedValues: allowed, enforcedFor: enforced, required: required)
    }

    /// `text` as the key's spelling, or `nil` with its problem recorded.
    private mutating func spelling(_ text: String, of policyKey: String, at path: String) -> String? {
        let problems = TagRules.keyIssues(text, at: path, allowingReserved: true)
        issues.add(problems)
        guard problems.isEmpty else { return nil }
        if text.lowercased() != policyKey.lowercased() {
            issues.add(path, "\"\(text)\" is not the policy key \"\(policyKey)\" in other capitalization; "
                + "tag_key gives the capitalization of the policy key")
            return nil
        }
        if text.lowercased().hasPrefix("deploycat:"), !TagRules.reservedKeys.contains(text) {
            issues.add(path, "\"\(text)\": deploycat writes its own keys as " + TagRules.reservedKeys.joined(separator: ", ")
                + "; a policy may rule on their values, not respell them")
            return nil
        }
        return text
    }

    /// The value of `{"@@assign": value}`, or a bare value (as an effective policy prints it),
    /// with the path it was found at.
    private mutating func assigned(_ raw: JSONValue, at: String, what: String) -> (JSONValue, String)? {
        guard let object = raw.object else { return (raw, at) }
        for name in object.keys.sorted() where name != "@@assign" && name != Self.childOperators {
            if Self.inheritanceOperators.contains(name) {
                issues.add("\(at).\(name)", "deploycat keeps one policy, as it takes effect: give the effective policy "
                    + "(`aws organizations describe-effective-policy --policy-type TAG_POLICY`) or @@assign")
            } else {
                issues.add("\(at).\(name)", "unknown operator; use @@assign")
            }
        }
        guard let assigned = object["@@assign"] else {
            if !object.keys.contains(where: Self.inheritanceOperators.contains) {
                issues.add("\(at).@@assign", "is missing; it holds \(what)")
            }
            return nil
        }
        return (assigned, "\(at).@@assign")
    }

    /// `value` as `shape` reads it, or `nil` with the problem recorded.
    private mutating func typed<Value>(
        _ value: JSONValue, at path: String, _ shape: KeyPath<JSONValue, Value?>, what: String
    ) -> Value? {
        guard let typed = value[keyPath: shape] else {
            issues.add(path, "must be \(what)")
            return nil
        }
        return typed
    }

    /// The strings of `values`, each checked by `check`; `nil` when any is not a string or fails.
    private mutating func strings(
        _ values: [JSONValue], at path: String, what: String, check: (String, String) -> [InputIssue]
    ) -> [String]? {
        var texts: [String] = []
        var valid = true
        for (index, value) in values.enumerated() {
            let place = "\(path)[\(index)]"
            guard let text = value.string else {
                issues.add(place, "must be text: \(what)")
                valid = false
                continue
            }
            let problems = check(text, place)
            issues.add(problems)
            valid = valid && problems.isEmpty
            if !texts.contains(text) { texts.append(text) }
        }
        return valid ? texts : nil
    }
}
