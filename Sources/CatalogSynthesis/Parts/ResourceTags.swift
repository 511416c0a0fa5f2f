import CatalogModel

/// An app's resource tags as a CloudFormation `Tags` list, sorted by key.
enum ResourceTags {
    static func list(spec: AppSpec, extra: TagMap? = nil) -> TemplateValue {
        .array(spec.resourceTags(adding: extra).sorted { $0.key < $1.key }.map {
            ["Key": .string($0.key), "Value": .string($0.value)]
        })
    }
}
