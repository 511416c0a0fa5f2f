import CatalogModel
internal import CatalogStore
import CatalogSynthesis
import Crypto
import Foundation

/// The app use cases: apply specs, synthesize and version templates, and the queries on them.
public struct AppService: Sendable {
    let repository: any CatalogRepository
    public var specs = SpecReader()

    init(repository: any CatalogRepository) {
        self.repository = repository
    }

    // MARK: - Specs

    /// What applying one spec did, and what in it needs attention.
    public struct Applied: Sendable {
        public var name: String
        public var change: AppChange
        /// `in us-east-1: model "x" is LEGACY ...`, one per Region and warning.
        public var warnings: [String]
        /// Regions the stored spec named and this one does not: their templates are now retired.
        public var retiredRegions: [String] = []
    }

    /// Validates every spec in `paths` against its pattern and the catalog, then stores them in
    /// one transaction; nothing is stored when any spec has a problem, and every problem of
    /// every document is reported at once.
    public func apply(paths: [String]) throws -> [Applied] {
        let read = specs.read(paths)
        let located = read.specs
        let (snapshot, catalogRevision) = try repository.revisionedSnapshot()
        let live = try repository.apps()
        let stored = Self.specsByName(live)
        var warnings = try check(read, catalog: snapshot, stored: stored)
        // When the catalog or the apps change between this check and the write, the specs are
        // checked again inside the write, against the catalog and apps they join.
        let changes = try repository.applySpecs(
            located.map { ($0.spec, $0.located.file) }, checked: CheckedCatalog(revision: catalogRevision, apps: live),
            recheck: { catalog, apps in warnings = try check(read, catalog: catalog, stored: Self.specsByName(apps)) },
            at: Date())
        return zip(located, changes).map { item, change in
            let retired = (stored[item.spec.name]?.regions ?? []).filter { !item.spec.regions.contains($0) }
            return Applied(name: item.spec.name, change: change, warnings: warnings[item.spec.name] ?? [],
                           retiredRegions: retired)
        }
    }

    static func specsByName(_ apps: [StoredApp]) -> [String: AppSpec] {
        Dictionary(apps.map { ($0.name, $0.spec) }) { first, _ in first }
    }

    /// Checks every spec `read` found against its pattern, `catalog` and the `stored` apps;
    /// throws every problem of every document at once, else returns each app's warnings
    /// (`in us-east-1: ...`).
    private func check(
        _ read: SpecReader.Result, catalog: CatalogSnapshot, stored: [String: AppSpec]
    ) throws -> [String: [String]] {
        let located = read.specs
        // A spec may name another app's profile: one stored already, or one applied with it.
        var known = stored
        for item in located { known[item.spec.name] = item.spec }
        let validator = AppSpecValidator(catalog: catalog, apps: known, today: Today.day())
        let firstOrigin = Dictionary(located.map { ($0.spec.name, $0.located.origin) }) { first, _ in first }
        var problems = read.problems
        // Each Region is resolved once, here; its warnings are what applying reports.
        var warnings: [String: [String]] = [:]
        for located in read.documents {
            let validation = located.spec.map(validator.validate)
            if let spec = located.spec, let validation {
                warnings[spec.name] = validation.warnings + spec.regions.flatMap { region in
                    (validation.resolutions[region]?.warnings ?? []).map { "in \(region): \($0)" }
                }
            }
            let issues = Self.problems(in: located, found: validation?.issues ?? [],
                                       firstOrigin: firstOrigin[located.spec?.name ?? ""])
            if !issues.isEmpty { problems.add(InputError(file: located.file, issues: issues)) }
        }
        problems.add(Self.brokenUsers(of: located, stored: stored, before: AppSpecValidator(catalog: catalog, apps: stored),
                                      after: validator))
        try problems.throwIfAny()
        return warnings
    }

    /// Stored apps that use the profile of an app applied now (`inferenceProfileApp`), are not
    /// applied themselves, checked out before and would not against the new spec (another
    /// model, a Region gone, another pattern): each problem is reported at the spec that causes it.
    private static func brokenUsers(
        of located: [(spec: AppSpec, located: SpecReader.Located)], stored: [String: AppSpec],
        before: AppSpecValidator, after validator: AppSpecValidator
    ) -> InputError {
        let applied = Dictionary(located.map { ($0.spec.name, $0.located) }) { first, _ in first }
        // Each user not applied now, with the spec of the profile app it names.
        let profileOf: [String: SpecReader.Located] = stored.values.reduce(into: [:]) { found, user in
            if applied[user.name] == nil, let name = user.inferenceProfileApp, let profile = applied[name] {
                found[user.name] = profile
            }
        }
        let users = profileOf.keys.sorted().compactMap { stored[$0] }
        var problems = InputError()
        for broken in BrokenApp.find(before: before, after: validator, specs: users) {
            guard let profile = profileOf[broken.app] else { continue }
            for issue in broken.issues {
                problems.add(InputIssue(file: profile.file, field: profile.place,
                                        problem: "app \"\(broken.app)\" uses this app's profile and would stop checking "
                                            + "out: \(issue); change or apply it too"))
            }
        }
        return problems
    }

    /// Every problem of one document, in the order of the lines they are on: what kept fields
    /// from being read, what the validator finds in the rest (leaving out what it finds in and
    /// around the unread fields, which it sees as absent), and a second definition of an app.
    private static func problems(in located: SpecReader.Located, found: [InputIssue], firstOrigin: String?) -> [InputIssue] {
        let document = located.document
        var found = found.filter { issue in
            !document.unreadFields.contains {
                Self.field(issue.field, isWithin: $0) || Self.field($0, isWithin: issue.field)
            }
        }
        if let spec = document.value, let firstOrigin, firstOrigin != located.origin {
            found.append(InputIssue(field: "name", problem: "app \"\(spec.name)\" is already defined in \(firstOrigin); "
                + "each app needs one spec"))
        }
        let app = document.value.map { "(app \"\($0.name)\")" }
        let all = document.issues.map { (issue: $0, app: String?.none) } + found.map { (issue: $0, app: app) }
        return document.locator.inLineOrder(all, field: \.issue.field).map { entry in
            let issue = document.locator.annotate(entry.issue)
            guard let app = entry.app else { return issue.placed(document.place) }
            let prefix = (document.place.isEmpty ? "" : "\(document.place) ") + app
            return InputIssue(field: issue.field.isEmpty ? prefix : "\(prefix) \(issue.field)", problem: issue.problem)
        }
    }

    /// `properties.tags.team` is within `properties.tags` (and within itself), `properties.tagsX` is not.
    private static func field(_ field: String, isWithin outer: String) -> Bool {
        field == outer || field.hasPrefix(outer + ".") || field.hasPrefix(outer + "[")
    }

    /// Which apps to list: every condition given must hold. `model`, `profile`, `geography` and
    /// `routesTo` (a Region a profile may serve the app's requests in, see `routes(to:)`) match
    /// what the app's latest templates were built from; `team`, `pattern` and `region` (a Region
    /// the app is deployed in) match its spec.
    public struct AppFilter: Sendable {
        public var model: String?
        public var profile: String?
        public var geography: String?
        public var team: String?
        public var pattern: PatternKind?
        public var region: String?
        public var routesTo: String?

        public init(model: String? = nil, profile: String? = nil, geography: String? = nil, team: String? = nil,
                    pattern: PatternKind? = nil, region: String? = nil, routesTo: String? = nil) {
            (self.model, self.profile, self.geography) = (model, profile, geography)
            (self.team, self.pattern, self.region, self.routesTo) = (team, pattern, region, routesTo)
        }
    }

    /// Live apps that meet every condition of `filter`, by name. A model, profile, geography or
    /// Region the catalog does not know is an error with suggestions, not an empty list.
    public func apps(matching filter: AppFilter = AppFilter()) throws -> [StoredApp] {
        try apps(matching: filter, among: nil)
    }

    /// The summaries of `apps(matching:)`, read without decoding a spec: what a list of
    /// thousands of apps shows.
    public func appSummaries(matching filter: AppFilter = AppFilter()) throws -> [AppSummary] {
        try appSummaries(matching: filter, among: nil)
    }

    /// `apps(matching:)` among the apps named `among` only, when given.
    func apps(matching filter: AppFilter, among: Set<String>?) throws -> [StoredApp] {
        try matching(filter, among: among, read: repository.liveApps)
    }

    /// `appSummaries(matching:)` among the apps named `among` only, when given.
    func appSummaries(matching filter: AppFilter, among: Set<String>?) throws -> [AppSummary] {
        try matching(filter, among: among, read: repository.liveAppSummaries)
    }

    /// What `read` gives for the live apps that meet every condition of `filter` (among those
    /// named `among`, when given). `read` takes the names to read (nil: any), team, pattern and
    /// Region, as `CatalogRepository.liveApps(named:team:pattern:region:)` does.
    private func matching<App>(
        _ filter: AppFilter, among: Set<String>?,
        read: (_ names: [String]?, _ team: String?, _ pattern: PatternKind?, _ region: String?) throws -> [App]
    ) throws -> [App] {
        // A model alone is checked with one lookup; the whole catalog is read only when another
        // condition needs it, or for the suggestions of an unknown model.
        let needsCatalog = filter.profile != nil || filter.geography != nil || filter.region != nil || filter.routesTo != nil
        let snapshot = needsCatalog ? try repository.snapshot() : CatalogSnapshot()
        if let region = filter.region {
            guard snapshot.regions[region] != nil else {
                throw CatalogError.unknownRegion(code: region, suggestions: Suggestions.closest(to: region, in: Array(snapshot.regions.keys)))
            }
        }
        // The conditions on what templates were built from name the apps first, so only those are read.
        var names = among
        func narrow(to found: some Sequence<String>) { names = names.map { $0.intersection(found) } ?? Set(found) }
        if let region = filter.routesTo { narrow(to: try routes(to: region, catalog: snapshot).map(\.app)) }
        var built: [(kind: EntityKind, ref: String)] = []
        if let model = filter.model {
            let kind = try repository.modelKind(of: model)
                ?? (needsCatalog ? snapshot : try repository.snapshot()).modelKind(of: model)
            built.append((kind, model))
        }
        if let profile = filter.profile { built.append((.profile, try snapshot.profile(profile).id)) }
        if let geography = filter.geography { built.append((.geography, try snapshot.geography(geography).prefix)) }
        for (kind, ref) in built { narrow(to: try repository.appsUsing(model: ref, kind: kind)) }
        return try read(names.map { Array($0) }, filter.team, filter.pattern, filter.region)
    }

    /// A live app.
    public func app(_ name: String) throws -> StoredApp {
        guard let app = try repository.app(named: name), app.deletedAt == nil else { throw try unknownApp(name) }
        return app
    }

    /// Deletes an app, unless live apps use its profile.
    public func delete(_ name: String) throws {
        _ = try app(name)
        let users = try liveSpecs().values.filter { $0.inferenceProfileApp == name }.map(\.name).sorted()
        guard users.isEmpty else { throw AppError.profileInUse(app: name, users: users) }
        try repository.deleteApp(named: name)
    }

    func unknownApp(_ name: String) throws -> AppError {
        .unknownApp(name: name, suggestions: Suggestions.closest(to: name, in: try repository.apps().map(\.name)))
    }

    /// Live apps' specs by name.
    private func liveSpecs() throws -> [String: AppSpec] {
        Self.specsByName(try repository.apps())
    }

    // MARK: - Templates

    /// Every version of an app's templates, by Region then version; those of Regions the spec
    /// no longer names are marked retired.
    public func versions(app name: String) throws -> [TemplateVersion] {
        let app = try catalogApp(name)
        let versions = try repository.templateVersions(app: name)
        return try retiredRegions(app, versions: versions).marking(versions)
    }

    /// One template version: the latest by default, of the only Region when the app has one. A
    /// Region the spec no longer names is read only by version (marked retired).
    public func template(app name: String, region: String?, version: Int?) throws -> TemplateVersion {
        let app = try catalogApp(name)
        let versions = try repository.templateVersions(app: name)
        guard !versions.isEmpty else { throw AppError.noTemplates(app: name) }
        let retired = try retiredRegions(app, versions: versions)
        let chosen = region ?? app.spec.regions.first ?? versions[0].region
        let inRegion = retired.marking(versions.filter { $0.region == chosen })
        guard let latest = inRegion.last else {
            let live = Set(versions.map(\.region)).filter { !retired.contains($0) }.sorted()
            throw AppError.unknownRegion(app: name, region: chosen, regions: live)
        }
        guard let version else {
            if let revision = latest.retiredInSpecRevision {
                throw AppError.retiredRegion(app: name, region: chosen, removedInSpecRevision: revision,
                                             latest: latest.version)
            }
            return latest
        }
        guard let match = inRegion.first(where: { $0.version == version }) else {
            throw AppError.unknownVersion(app: name, region: chosen, version: version, latest: latest.version)
        }
        return match
    }

    /// What `export` writes, and the templates of Regions the specs no longer name, whose
    /// files an earlier export may have left.
    public struct ExportPlan: Sendable {
        /// The latest version of each live app's current Regions, by app then Region.
        public var current: [TemplateVersion] = []
        public var retired: [RetiredTemplates] = []
    }

    /// The stored versions of one app's retired Region.
    public struct RetiredTemplates: Sendable {
        public var app: String
        public var region: String
        public var removedInSpecRevision: Int
        /// Every version of the app in that Region, marked retired.
        public var versions: [TemplateVersion]

        /// The version whose text is `text`: a file deploycat wrote.
        public func version(matching text: String) -> TemplateVersion? {
            let hash = AppService.sha256(text)
            return versions.first { $0.sha256 == hash }
        }
    }

    /// What exporting the named apps (or every live app) writes and may remove.
    public func exportPlan(apps names: [String]) throws -> ExportPlan {
        let apps = try names.isEmpty ? repository.apps() : names.map(app)
        let latest = Dictionary(grouping: try repository.latestVersions(), by: \.app)
        var plan = ExportPlan()
        for app in apps {
            let versions = latest[app.name] ?? []
            plan.current += versions.filter { app.spec.regions.contains($0.region) }
            guard versions.contains(where: { !app.spec.regions.contains($0.region) }) else { continue }
            let all = try repository.templateVersions(app: app.name)
            let retired = try retiredRegions(app, versions: all)
            for region in Set(all.map(\.region)).filter(retired.contains).sorted() {
                plan.retired.append(RetiredTemplates(
                    app: app.name, region: region, removedInSpecRevision: retired.removedIn[region] ?? app.specRevision,
                    versions: retired.marking(all.filter { $0.region == region })))
            }
        }
        return plan
    }

    private func retiredRegions(_ app: StoredApp, versions: [TemplateVersion]) throws -> RetiredRegions {
        let dropped = Set(versions.map(\.region)).subtracting(app.spec.regions)
        return RetiredRegions(app: app, versions: versions, history: dropped.isEmpty ? [] : try repository.specHistory(app: app.name))
    }

    /// Model -> live apps whose latest templates use it: Bedrock model ids, or with
    /// `kind: .sagemakerModel` the catalog's SageMaker models.
    public func modelUsage(kind: EntityKind = .model) throws -> [String: [String]] {
        try repository.modelUsage(kind: kind)
    }

    /// The app's monthly Bedrock cost per Region, from the usage in its spec and the model's
    /// on-demand price in the catalog; an error when the spec calls no catalog model or gives no usage.
    public func costEstimate(app name: String) throws -> CostEstimate {
        let spec = try self.app(name).spec
        guard spec.modelId != nil else { throw AppError.noModel(app: spec.name, pattern: spec.pattern) }
        guard let estimate = CostEstimate.of(spec, in: try repository.snapshot()) else {
            throw AppError.noUsage(app: spec.name, batch: type(of: spec.properties.deploymentPattern).runsBatchJobs)
        }
        return estimate
    }

    /// Every tag on live apps' resources, deploycat's own (`deploycat:team`, ...) included,
    /// sorted by key and value: how costs can be split once the keys are activated for billing.
    /// - Parameter key: only this tag key (keys are case-sensitive, as AWS compares them).
    public func tagUsage(key: String? = nil) throws -> [TagUsage] {
        try repository.tagUsage(key: key)
    }

    /// An app, deleted ones included: their history stays readable.
    private func catalogApp(_ name: String) throws -> StoredApp {
        guard let app = try repository.app(named: name) else { throw try unknownApp(name) }
        return app
    }

    /// What `verify` found: what is wrong with the database file itself, how many versions it
    /// hashed, each whose body no longer hashes to the SHA-256 recorded with it, and each app
    /// whose listed fields are not what its spec makes.
    public struct Verification: Sendable, Encodable {
        public struct Mismatch: Sendable, Encodable {
            public var app: String
            public var region: String
            public var version: Int
            public var recordedSHA256: String
            public var bodySHA256: String
        }
        public var versions = 0
        public var apps = 0
        public var mismatches: [Mismatch] = []
        /// What the engine's own check finds wrong (SQLite's `integrity_check` and
        /// `foreign_key_check`); empty for a sound database.
        public var integrityProblems: [String] = []
        /// Apps whose listed fields (`apps list` reads them beside the spec) differ from their specs.
        public var summaryMismatches: [AppSummaryMismatch] = []

        public var passed: Bool { mismatches.isEmpty && integrityProblems.isEmpty && summaryMismatches.isEmpty }
    }

    /// Checks the database's structure, then hashes every stored template version's body again
    /// (laid out, as it is read) and compares it with the SHA-256 recorded with it, and every
    /// app's listed fields with its spec: a body or an app row changed behind deploycat's back
    /// (or damaged) shows up. Whitespace between a stored text's tokens is not part of it: it is
    /// not stored, and changes nothing that is read.
    public func verify() throws -> Verification {
        var report = Verification()
        report.integrityProblems = try repository.integrityProblems()
        report.summaryMismatches = try repository.summaryMismatches(pageSize: 1000)
        var apps = Set<String>()
        try repository.forEachTemplateBody(pageSize: 500) { template in
            report.versions += 1
            apps.insert(template.app)
            let hash = Self.sha256(compact: template.storedText)
            if hash != template.sha256 {
                report.mismatches.append(.init(app: template.app, region: template.region, version: template.version,
                                               recordedSHA256: template.sha256, bodySHA256: hash))
            }
        }
        report.apps = apps.count
        return report
    }

    /// The hex SHA-256 of a text's UTF-8 bytes.
    static func sha256(_ text: String) -> String {
        var text = text
        return text.withUTF8 { sha256(bytes: $0) }
    }

    /// The hex SHA-256 of a template's text given as stored (compact, or laid out by an earlier
    /// deploycat): the hash of the text laid out, which is what is recorded.
    static func sha256(compact text: String) -> String {
        TemplateLayout.withLaidOut(text) { sha256(bytes: $0) }
    }

    /// The hex SHA-256 of `bytes`: a template's laid-out text, to record it.
    static func sha256(bytes: UnsafeBufferPointer<UInt8>) -> String {
        Hex.encode(SHA256.hash(data: UnsafeRawBufferPointer(bytes)))
    }
}
