import CatalogModel

/// The cost-allocation tags an app's resources carry: deploycat's own (`deploycat:app`,
/// `deploycat:team`, `deploycat:stage`) and the spec's, sorted by key.
enum ResourceTags {
    static func merged(spec: AppSpec, extra: TagMap? = nil) -> [String: String] {
        var tags = spec.tags.values
        for (key, value) in extra?.values ?? [:] { tags[key] = value }
        tags["deploycat:app"] = spec.name
        tags["deploycat:team"] = spec.team
        if let stage = spec.stage { tags["deploycat:stage"] = stage }
        return tags
    }

    static func list(spec: AppSpec, extra: TagMap? = nil) -> TemplateValue {
        .array(merged(spec: spec, extra: extra).sorted { $0.key < $1.key }.map {
            ["Key": .string($0.key), "Value": .string($0.value)]
        })
    }
}
