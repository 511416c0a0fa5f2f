/// The tags an app's resources carry and where each comes from: catalog defaults, then team
/// defaults, then the spec's `tags`, then a resource's own (an inference profile's), then
/// deploycat's own; a later level wins. Keys the tag policy names take the policy's spelling.
public struct EffectiveTags: Hashable, Sendable {
    public enum Origin: String, Codable, Hashable, Sendable {
        case catalogDefaults = "catalog defaults"
        case teamDefaults = "team defaults"
        case spec = "spec"
        case resource = "resource"
        case deploycat = "deploycat"
    }

    public struct Tag: Codable, Hashable, Sendable {
        /// As resources carry it: the policy's spelling when the policy names the key.
        public var key: String
        public var value: String
        public var origin: Origin
        /// As the level it comes from writes it.
        public var writtenKey: String
        /// Where it is written: `tags.CostCenter`, `properties.tags.x`, a team's defaults.
        public var field: String

        /// Whether it comes from the catalog's or the team's defaults rather than the app's spec.
        public var isDefault: Bool { origin == .catalogDefaults || origin == .teamDefaults }
    }

    /// By key.
    public private(set) var tags: [Tag]
    /// Tags a level writes twice in capitalizations the policy makes one key: the ones not kept.
    public private(set) var shadowed: [Tag] = []

    /// Key -> value, as a template's `Tags` hold them.
    public var values: [String: String] { Dictionary(tags.map { ($0.key, $0.value) }) { a, _ in a } }

    /// The tags a user chose, without deploycat's own.
    public var userTags: [Tag] { tags.filter { $0.origin != .deploycat } }

    public subscript(key: String) -> Tag? { tags.first { $0.key == key } }

    init(levels: [(origin: Origin, field: String, tags: [String: String])], policy: TagPolicy) {
        var merged: [String: Tag] = [:]
        for level in levels {
            // Within a level the key already in the policy's spelling wins, then the first in order.
            for (written, value) in level.tags.sorted(by: { $0.key < $1.key }) {
                // deploycat's own keys are what billing rows are matched by: never respelled.
                let key = level.origin == .deploycat ? written : policy.spelling(of: written)
                let tag = Tag(key: key, value: value, origin: level.origin, writtenKey: written,
                              field: level.origin == .deploycat ? written : "\(level.field).\(written)")
                if let same = merged[key], same.origin == level.origin {
                    if same.writtenKey == key || written != key {
                        shadowed.append(tag)
                        continue
                    }
                    shadowed.append(same)
                }
                merged[key] = tag
            }
        }
        tags = merged.values.sorted { $0.key < $1.key }
    }
}

extension CatalogSnapshot {
    /// The tags `spec`'s resources carry, with `extra` (a resource's own tags, at their field)
    /// on top of the app's.
    public func effectiveTags(of spec: AppSpec, adding extra: (field: String, tags: TagMap)? = nil) -> EffectiveTags {
        var levels: [(origin: EffectiveTags.Origin, field: String, tags: [String: String])] = [
            (.catalogDefaults, "catalog tag defaults", tagDefaults.catalog.values),
            (.teamDefaults, "tag defaults of team \(spec.team)", tagDefaults[team: spec.team].values),
            (.spec, "tags", spec.tags.values),
        ]
        if let extra { levels.append((.resource, extra.field, extra.tags.values)) }
        levels.append((.deploycat, "", Dictionary(spec.reservedTags.map { ($0.key, $0.value) }) { a, _ in a }))
        return EffectiveTags(levels: levels, policy: tagPolicy)
    }
}
