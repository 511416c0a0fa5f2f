extension AppSpec {
    /// The tags every resource of the app carries: the spec's, then `extra` (a resource's own),
    /// then deploycat's (`deploycat:app`, `deploycat:team`, `deploycat:stage`), which costs are
    /// split by across apps.
    public func resourceTags(adding extra: TagMap? = nil) -> [String: String] {
        var tags = self.tags.values
        for (key, value) in extra?.values ?? [:] { tags[key] = value }
        tags["deploycat:app"] = name
        tags["deploycat:team"] = team
        if let stage { tags["deploycat:stage"] = stage }
        return tags
    }
}
