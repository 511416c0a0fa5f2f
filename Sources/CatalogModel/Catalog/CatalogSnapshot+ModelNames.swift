extension CatalogSnapshot {
    /// Whether `name` is a Bedrock model id or a SageMaker model name, as the dependency kind
    /// templates built from it record; an unknown name is an error suggesting names of both kinds.
    public func modelKind(of name: String) throws(CatalogError) -> EntityKind {
        if sagemakerModels[name] != nil { return .sagemakerModel }
        do {
            _ = try InvocationResolver(catalog: self).model(name)
            return .model
        } catch .unknownModel(let id, _) {
            throw .unknownModel(id: id, suggestions: Suggestions.closest(to: id, in: Array(models.keys)
                + sagemakerModels.keys))
        }
    }
}
