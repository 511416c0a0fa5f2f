extension CatalogSnapshot {
    /// The catalog as it would be without one entry, to ask what a deprecation or a Region's
    /// withdrawal would break: a model goes with the profiles that route to it, a geography
    /// with its profiles, and a Region leaves every model, route and geography that names it
    /// (a profile left with no route goes too); a level of tag defaults or a policy key goes alone. An app, or an entry the catalog lacks, removes nothing.
    public func removing(_ kind: EntityKind, _ ref: String) -> CatalogSnapshot {
        var catalog = self
        switch kind {
        case .model:
            catalog.models[ref] = nil
            catalog.profiles = profiles.filter { $0.value.modelId != ref }
        case .sagemakerModel:
            catalog.sagemakerModels[ref] = nil
        case .profile:
            catalog.profiles[ref] = nil
        case .geography:
            catalog.geographies[ref] = nil
            catalog.profiles = profiles.filter { $0.value.geography != ref }
        case .region:
            catalog.removeRegion(ref)
        case .tagDefaults:
            catalog.tagDefaults[team: ref == TagDefaults.catalogLevel ? nil : ref] = TagMap()
        case .tagPolicy:
            catalog.tagPolicy.keys[ref.lowercased()] = nil
        case .app:
            break
        }
        return catalog
    }

    private mutating func removeRegion(_ code: String) {
        regions[code] = nil
        for id in models.keys { models[id]?.regions.removeAll { $0 == code } }
        for prefix in geographies.keys {
            geographies[prefix]?.sourceRegions.removeAll { $0 == code }
            geographies[prefix]?.destinationRegions.removeAll { $0 == code }
        }
        for (id, profile) in profiles where !profile.routes.isEmpty {
            var routes = profile.routes
            routes[code] = nil
            routes = routes.mapValues { $0.filter { $0 != code } }.filter { !$0.value.isEmpty }
            // A profile that routes nowhere would fall back to its geography's Regions: it is gone.
            if routes.isEmpty { profiles[id] = nil } else { profiles[id]?.routes = routes }
        }
    }
}
