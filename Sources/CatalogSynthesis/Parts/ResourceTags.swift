import CatalogModel

/// An app's resource tags as CloudFormation takes them: a list sorted by key, or a map.
enum ResourceTags {
    static func list(spec: AppSpec, extra: TagMap? = nil) -> TemplateValue {
        .array(spec.resourceTags(adding: extra).sorted { $0.key < $1.key }.map {
            ["Key": .string($0.key), "Value": .string($0.value)]
        })
    }

    /// The same tags as a map, for resources whose `Tags` property is one (Bedrock prompts and agents).
    static func map(spec: AppSpec) -> TemplateValue {
        .object(spec.resourceTags().mapValues { .string($0) })
    }
}
