extension AppSpec {
    /// deploycat's own tags (`deploycat:app`, `deploycat:team`, `deploycat:stage`), which costs
    /// are split by across apps, each with the spec field its value comes from.
    public var reservedTags: [(key: String, field: String, value: String)] {
        [("deploycat:app", "name", name), ("deploycat:team", "team", team)]
            + (stage.map { [("deploycat:stage", "stage", $0)] } ?? [])
    }

    /// Tags the pattern puts on its inference profile on top of the app's, and where they are.
    public var profileTags: (field: String, tags: TagMap)? { properties.deploymentPattern.profileTags }
}
