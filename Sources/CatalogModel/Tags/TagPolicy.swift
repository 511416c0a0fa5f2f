/// The catalog's tag policy, in the terms of an AWS Organizations tag policy: for each key, the
/// spelling (capitalization) AWS holds resources to, the values allowed, the resource types AWS
/// enforces it for, and deploycat's own `required` (Organizations constrains values, never
/// whether a key is there at all).
public struct TagPolicy: Codable, Hashable, Sendable {
    public struct Key: Codable, Hashable, Sendable {
        /// The key as resources must carry it (`tag_key`'s `@@assign`).
        public var key: String
        /// The values allowed, each maybe with one `*` wildcard; `nil` allows any.
        public var allowedValues: [String]?
        /// Resource types (`bedrock:application-inference-profile`, `bedrock:ALL_SUPPORTED`) where
        /// AWS refuses to create or tag a resource with a value not allowed.
        public var enforcedFor: [String]
        /// deploycat's own rule: every app must carry the key.
        public var required: Bool

        public init(key: String, allowedValues: [String]? = nil, enforcedFor: [String] = [], required: Bool = false) {
            self.key = key
            self.allowedValues = allowedValues
            self.enforcedFor = enforcedFor
            self.required = required
        }

        /// The policy key: Organizations names each entry by its key in lowercase.
        public var policyKey: String { key.lowercased() }

        /// Whether `value` is one of the allowed values; `*` in an allowed value stands for any text.
        public func allows(_ value: String) -> Bool {
            guard let allowedValues else { return true }
            return allowedValues.contains { Self.matches(value, pattern: $0) }
        }

        /// `"X" is not a value the tag policy allows for Key (allowed: A, B*)`.
        public func notAllowed(_ value: String) -> String {
            "\"\(value)\" is not a value the tag policy allows for \(key) (allowed: "
                + (allowedValues ?? []).joined(separator: ", ") + ")"
        }

        /// Whether AWS enforces the key on one of `types` (by default, any type deploycat's templates create).
        public func isEnforced(on types: TagPolicyResourceTypes = .created) -> Bool {
            enforcedFor.contains { types.contains(type: $0) }
        }

        static func matches(_ value: String, pattern: String) -> Bool {
            guard let star = pattern.firstIndex(of: "*") else { return value == pattern }
            let prefix = pattern[..<star], suffix = pattern[pattern.index(after: star)...]
            return value.count >= prefix.count + suffix.count && value.hasPrefix(prefix) && value.hasSuffix(suffix)
        }
    }

    /// By policy key.
    public var keys: [String: Key]

    public init(keys: [Key] = []) {
        self.keys = Dictionary(keys.map { ($0.policyKey, $0) }) { _, last in last }
    }

    public var isEmpty: Bool { keys.isEmpty }

    /// The policy's entry for a tag key written in any capitalization.
    public func entry(for tagKey: String) -> Key? { keys[tagKey.lowercased()] }

    /// The policy's spelling of `tagKey`, or `tagKey` itself when the policy does not name it.
    public func spelling(of tagKey: String) -> String { entry(for: tagKey)?.key ?? tagKey }

    /// Entries by key, for stable output.
    public var sorted: [Key] { keys.values.sorted { $0.policyKey < $1.policyKey } }
}
