/// One way an app's tags break the tag policy.
public struct TagViolation: Codable, Hashable, Sendable, CustomStringConvertible {
    public enum Rule: String, Codable, Hashable, Sendable {
        /// The policy marks the key `required` and the app does not carry it.
        case missingRequiredKey = "missing-required-key"
        /// The value is not one the policy's `tag_value` allows.
        case valueNotAllowed = "value-not-allowed"
        /// The key is written in another capitalization than the policy's `tag_key`.
        case keyCapitalization = "key-capitalization"
    }

    public var app: String
    public var team: String
    /// The key as the policy spells it.
    public var key: String
    public var rule: Rule
    /// Where the offending tag is written (`tags.costcenter`, `tag defaults of team ml.CostCenter`),
    /// or, for a missing key, `tags`.
    public var field: String
    /// The value found, for a value the policy does not allow.
    public var value: String?
    /// The key as written, for a key in another capitalization.
    public var writtenKey: String?
    /// Whether AWS refuses the value on a resource type the app's templates create
    /// (`enforced_for`); for capitalization, deploycat writes the policy's spelling anyway.
    /// Without the app's templates, judged against every type deploycat creates.
    public var enforced: Bool
    /// What is wrong and what is allowed, in plain words.
    public var problem: String

    public var description: String { "app \(app): \(field): \(problem)" }
}

extension TagPolicy {
    /// Every way the tags `spec`'s resources carry break the policy: its app-wide tags and,
    /// when the pattern gives its inference profile tags of its own, the profile's. `creating`
    /// are the resource types the app's templates create, for whether AWS enforces a value.
    public func violations(
        of spec: AppSpec, in catalog: CatalogSnapshot, creating: TagPolicyResourceTypes = .created
    ) -> [TagViolation] {
        guard !isEmpty else { return [] }
        var sets = [catalog.effectiveTags(of: spec)]
        if let own = spec.profileTags { sets.append(catalog.effectiveTags(of: spec, adding: own)) }
        var found: [TagViolation] = []
        for tags in sets {
            for violation in violations(of: tags, app: spec.name, team: spec.team, creating: creating)
            where !found.contains(violation) {
                found.append(violation)
            }
        }
        return found
    }

    func violations(of tags: EffectiveTags, app: String, team: String, creating: TagPolicyResourceTypes) -> [TagViolation] {
        var found: [TagViolation] = []
        func add(_ entry: Key, _ rule: TagViolation.Rule, field: String, value: String? = nil, written: String? = nil,
                 _ problem: String) {
            found.append(TagViolation(app: app, team: team, key: entry.key, rule: rule, field: field, value: value,
                                      writtenKey: written, enforced: rule == .valueNotAllowed && entry.isEnforced(on: creating),
                                      problem: problem))
        }
        for tag in tags.shadowed {
            guard let entry = entry(for: tag.key), let kept = tags[tag.key] else { continue }
            add(entry, .keyCapitalization, field: tag.field, written: tag.writtenKey,
                "the tag policy makes \(tag.writtenKey) and \(kept.writtenKey) one key, \(entry.key); only "
                    + "\(kept.field)'s value is kept")
        }
        for entry in sorted {
            guard let tag = tags[entry.key] else {
                if entry.required {
                    add(entry, .missingRequiredKey, field: "tags", "the tag policy requires the key \(entry.key); add it "
                        + "to the spec's tags or set a default (`deploycat tags defaults set \(entry.key)=VALUE [--team T]`)")
                }
                continue
            }
            if tag.writtenKey != entry.key {
                add(entry, .keyCapitalization, field: tag.field, written: tag.writtenKey,
                    "the tag policy spells the key \(entry.key), not \(tag.writtenKey) (keys are case-sensitive); "
                        + "templates carry \(entry.key)")
            }
            if !entry.allows(tag.value) {
                let enforcement = entry.isEnforced(on: creating)
                    ? "; AWS refuses it on " + entry.enforcedFor.joined(separator: ", ") : ""
                add(entry, .valueNotAllowed, field: tag.field, value: tag.value, entry.notAllowed(tag.value) + enforcement)
            }
        }
        return found
    }
}
