import CatalogModel
internal import CatalogStore

/// Data residency: which apps' requests a cross-Region profile may serve in a Region.
extension AppService {
    /// How an app's requests may reach a Region: made in one of the app's Regions, routed
    /// there by a system-defined profile, as its current template there was built.
    public struct Route: Encodable, Hashable, Sendable {
        public var app: String
        /// The Region the app is deployed in, where the requests are made.
        public var fromRegion: String
        public var profile: String
        /// The current template version in `fromRegion`.
        public var version: Int
    }

    /// A live app (its `StoredApp` or its `AppSummary`), with its routes to the Region asked
    /// about, if one was.
    public struct RoutedApp<App: Sendable>: Sendable {
        public var app: App
        public var routes: [Route]
    }

    /// The routes of live apps whose requests a system-defined profile may serve in `region`, by
    /// app then source Region. An app deployed in `region` itself is listed only when it calls
    /// through a profile that routes there from it (as the catalog says); one that calls the
    /// model in `region` alone is served there, but not through cross-Region routing. A Region
    /// the catalog does not know is an error with suggestions.
    public func routes(to region: String) throws -> [Route] {
        try routes(to: region, catalog: repository.snapshot())
    }

    /// What a current template recorded: its Region and every destination as `region`
    /// dependencies, and its profile. The deployment Region is recorded either way, so for it
    /// `catalog` says whether the profile routes there too (a profile it no longer has is taken to).
    /// Of the apps of `team` and of `pattern` only, when given.
    func routes(to region: String, catalog: CatalogSnapshot, team: String? = nil, pattern: PatternKind? = nil) throws -> [Route] {
        _ = try InvocationResolver(catalog: catalog).regionInCatalog(region)
        let templates = try repository.currentTemplates(builtFrom: .region, ref: region, including: [.profile],
                                                        team: team, pattern: pattern)
        return templates.flatMap { template in
            template.dependencies.profiles.filter { id in
                template.region != region
                    || catalog.profiles[id].map { catalog.destinations(of: $0, from: region).contains(region) } ?? true
            }.map { Route(app: template.app, fromRegion: template.region, profile: $0, version: template.version) }
        }
    }

    /// Live apps that meet every condition of `filter`, by name; with `filter.routesTo`, each
    /// with its routes there.
    public func routedApps(matching filter: AppFilter) throws -> [RoutedApp<StoredApp>] {
        try routed(filter, name: \.name, read: apps(matching:among:))
    }

    /// `routedApps(matching:)` with the apps' summaries, read without decoding a spec.
    public func routedAppSummaries(matching filter: AppFilter) throws -> [RoutedApp<AppSummary>] {
        try routed(filter, name: \.name, read: appSummaries(matching:among:))
    }

    /// What `read` gives for the apps that meet `filter` (see `routedApps(matching:)`), with their routes.
    private func routed<App>(
        _ filter: AppFilter, name: KeyPath<App, String>, read: (AppFilter, Set<String>?) throws -> [App]
    ) throws -> [RoutedApp<App>] {
        guard let region = filter.routesTo else { return try read(filter, nil).map { RoutedApp(app: $0, routes: []) } }
        // The team and pattern narrow the routes read; the other conditions, the apps then read.
        let routes = Dictionary(grouping: try routes(to: region, catalog: repository.snapshot(), team: filter.team,
                                                     pattern: filter.pattern), by: \.app)
        var others = filter
        others.routesTo = nil
        // Only the apps with routes there are read (not every app, to drop most of them).
        return try read(others, Set(routes.keys)).compactMap { app in routes[app[keyPath: name]].map { RoutedApp(app: app, routes: $0) } }
    }
}
