extension CatalogSnapshot {
    /// The system-defined profile; an unknown id is an error suggesting close ones.
    public func profile(_ id: String) throws(CatalogError) -> SystemProfile {
        guard let profile = profiles[id] else {
            throw .unknownProfile(id: id, suggestions: Suggestions.closest(to: id, in: profiles.keys))
        }
        return profile
    }

    /// The geography; an unknown prefix is an error listing the known ones.
    public func geography(_ prefix: String) throws(CatalogError) -> Geography {
        guard let geography = geographies[prefix] else {
            throw .unknownGeography(prefix: prefix, known: geographies.keys.sorted())
        }
        return geography
    }
}
