import CatalogModel
internal import CatalogStore

/// The Regions an app has templates for but its current spec no longer names. Their templates
/// are retired: kept and readable by version, but no longer exported or served as the latest.
struct RetiredRegions {
    /// Retired Region -> the spec revision that dropped it.
    private(set) var removedIn: [String: Int] = [:]

    /// From the app's versions and spec history: a Region is dropped by the first spec revision
    /// after the last one that named it (or after the spec its latest template was built from,
    /// for catalogs from before spec history was kept).
    init(app: StoredApp, versions: [TemplateVersion], history: [(revision: Int, spec: AppSpec)]) {
        let current = Set(app.spec.regions)
        for (region, inRegion) in Dictionary(grouping: versions, by: \.region) where !current.contains(region) {
            let lastNamed = max(history.last { $0.spec.regions.contains(region) }?.revision ?? 0,
                                inRegion.map(\.specRevision).max() ?? 0)
            removedIn[region] = history.first { $0.revision > lastNamed && !$0.spec.regions.contains(region) }?.revision
                ?? app.specRevision
        }
    }

    func contains(_ region: String) -> Bool { removedIn[region] != nil }

    /// The versions with `retiredInSpecRevision` set on those of retired Regions.
    func marking(_ versions: [TemplateVersion]) -> [TemplateVersion] {
        versions.map { version in
            var marked = version
            marked.retiredInSpecRevision = removedIn[version.region]
            return marked
        }
    }
}
