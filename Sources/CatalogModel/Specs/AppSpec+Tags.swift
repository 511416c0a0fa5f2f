extension AppSpec {
    /// The tags every resource of the app carries: the spec's, then `extra` (a resource's own),
    /// then deploycat's (`deploycat:app`, `deploycat:team`, `deploycat:stage`), which costs are
    /// split by across apps.
    public func resourceTags(adding extra: TagMap? = nil) -> [String: String] {
        var tags = self.tags.values
        for (key, value) in extra?.values ?? [:] { tags[key] = value }
        for tag in reservedTags { tags[tag.key] = tag.value }
        return tags
    }

    /// deploycat's own tags, each with the spec field its value comes from.
    public var reservedTags: [(key: String, field: String, value: String)] {
        [("deploycat:app", "name", name), ("deploycat:team", "team", team)]
            + (stage.map { [("deploycat:stage", "stage", $0)] } ?? [])
    }

    /// Tags the pattern puts on its inference profile on top of the app's, and where they are.
    public var profileTags: (field: String, tags: TagMap)? { properties.deploymentPattern.profileTags }
}
