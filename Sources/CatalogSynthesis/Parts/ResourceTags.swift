import CatalogModel

/// Resource tags as CloudFormation takes them: a list sorted by key, or a map.
enum ResourceTags {
    static func list(_ tags: [String: String]) -> TemplateValue {
        .array(tags.sorted { $0.key < $1.key }.map { ["Key": .string($0.key), "Value": .string($0.value)] })
    }

    static func map(_ tags: [String: String]) -> TemplateValue {
        .object(TemplateObject(tags.mapValues(TemplateValue.string)))
    }
}
