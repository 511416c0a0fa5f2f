import CatalogModel

/// Resource tags as CloudFormation takes them: a list sorted by key, or a map.
enum ResourceTags {
    static func list(_ tags: EffectiveTags) -> TemplateValue {
        .array(tags.tags.map { ["Key": .string($0.key), "Value": .string($0.value)] })
    }

    static func map(_ tags: EffectiveTags) -> TemplateValue {
        .object(TemplateObject(tags.tags.map { ($0.key, .string($0.value)) }))
    }
}
