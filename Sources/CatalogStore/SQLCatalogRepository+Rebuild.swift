import CatalogModel
import Foundation

/// Rebuilding templates: which current templates are stale and why, from the recorded
/// dependencies, the change log and the spec revisions (never by synthesizing everything), and
/// recording what a rebuild builds in the same transaction.
extension SQLCatalogRepository {
    /// Reads what `scope` covers, lets `build` synthesize it, and records each new text (a dry
    /// run records nothing and says which version numbers the new texts would take).
    ///
    /// Synthesis runs outside the write until a chunk brings something to store, so a rebuild
    /// that changes nothing never writes (an SQLite file stays untouched) and other writers do
    /// not wait for it. The write then records what was built only when the catalog, the apps
    /// it read and their current versions are still as they were (otherwise it reads and builds
    /// again inside the write), and records the remaining chunks as they come, each while the
    /// next is built.
    public func rebuild(_ scope: RebuildScope, at date: Date, dryRun: Bool, build: TemplateBuild) throws -> Rebuild {
        let trial = try engine.read { db in
            try Self.rebuildWork(scope, catalog: try SnapshotReader.read(db), revision: try Self.currentRevision(db),
                                 pending: [], db)
        }
        let reader = TextReader(engine: engine)
        let chunks = try build(trial) { sha256s in try reader.texts(sha256s) }
        var latest = trial.currentByPlace
        var recorded: [RecordedTemplate] = []
        var writing: [TemplateCandidate]?
        while let chunk = try chunks.next() {
            if !dryRun, chunk.contains(where: { Self.recordingWrites($0, latest: latest[Place($0)]) }) {
                writing = chunk
                break
            }
            recorded += try Self.record(chunk, latest: &latest, at: date, into: nil)
        }
        guard writing != nil else { return Rebuild(work: trial, recorded: recorded) }
        return try engine.write { db in
            // The chunks still to come read texts in this transaction.
            reader.transaction = db
            defer { reader.transaction = nil }
            let everyApp = scope.coversEveryApp
            var latest = try Self.latestVersionsByPlace(apps: everyApp ? nil : Set(trial.templates.map(\.app)).sorted(),
                                                        texts: false, db)
            let unmoved = try Self.currentRevision(db) == trial.catalogRevision
                && Self.liveAppRevisions(named: everyApp ? nil : Set(trial.apps.keys), db) == trial.apps.mapValues(\.specRevision)
                && recorded.allSatisfy { latest[Place($0.version)]?.sha256 == $0.version.sha256 }
            guard unmoved else {
                writing = nil
                return try Self.rebuild(scope, catalog: try SnapshotReader.read(db), revision: try Self.currentRevision(db),
                                        pending: [], build: build, at: date, recording: true, db)
            }
            let written = try Self.record(chunks, startingWith: writing.take(), latest: &latest, at: date, into: db)
            return Rebuild(work: trial, recorded: recorded + written)
        }
    }

    /// A rebuild in `db`: `catalog` at `revision` is what templates are built from; `pending`
    /// are that revision's changes when the change log does not hold them yet (a dry run of a
    /// catalog change). Records only when `recording`.
    static func rebuild(
        _ scope: RebuildScope, catalog: CatalogSnapshot, revision: Int, pending: [CatalogChange], build: TemplateBuild,
        at date: Date, recording: Bool, _ db: any SQLTransaction
    ) throws -> Rebuild {
        let work = try rebuildWork(scope, catalog: catalog, revision: revision, pending: pending, db)
        var latest = work.currentByPlace
        let chunks = try build(work) { sha256s in try texts(sha256s, db) }
        return Rebuild(work: work, recorded: try record(chunks, latest: &latest, at: date, into: recording ? db : nil))
    }

    /// Records `first` (when given) and every chunk still to come, into `db` when given, then
    /// refreshes the version tables' statistics once for them all. A chunk's texts are let go
    /// once it is recorded, before the next is asked for: at most the chunk being recorded and
    /// the one being built are held.
    private static func record(
        _ chunks: any TemplateChunks, startingWith first: consuming [TemplateCandidate]? = nil,
        latest: inout [Place: TemplateVersion], at date: Date, into db: (any SQLTransaction)?
    ) throws -> [RecordedTemplate] {
        var recorded: [RecordedTemplate] = []
        var pending = consume first
        while let chunk = try pending.take() ?? chunks.next() {
            recorded += try record(chunk, latest: &latest, at: date, into: db)
        }
        if let db { try refreshVersionStatistics(after: recorded, db) }
        return recorded
    }

    /// Reads texts for a rebuild's chunks: in a read of their own until the rebuild writes,
    /// then in its write transaction.
    private final class TextReader {
        let engine: any SQLEngine
        var transaction: (any SQLTransaction)?

        init(engine: any SQLEngine) { self.engine = engine }

        func texts(_ sha256s: [String]) throws -> [String: String] {
            if let transaction { return try SQLCatalogRepository.texts(sha256s, transaction) }
            return try engine.read { db in try SQLCatalogRepository.texts(sha256s, db) }
        }
    }

    /// Stored texts, laid out, by SHA-256.
    static func texts(_ sha256s: [String], _ db: any SQLTransaction) throws -> [String: String] {
        guard !sha256s.isEmpty else { return [:] }
        return Dictionary(try db.rows("SELECT sha256, body FROM templateBody WHERE sha256 IN (\(db.dialect.textList))",
                                      try json(sha256s)).map { (try $0.string("sha256"), try $0.templateText("body")) }) { a, _ in a }
    }

    /// The app Regions `scope` covers, each with its current template and what made it stale.
    static func rebuildWork(
        _ scope: RebuildScope, catalog: CatalogSnapshot, revision: Int, pending: [CatalogChange], _ db: any SQLTransaction
    ) throws -> RebuildWork {
        let only = try scope.apps.map { (sql: " AND t.appName IN (\(db.dialect.textList))", argument: try json($0)) }
        var reasons = try catalogReasons(catalog: catalog, revision: revision, pending: pending, only: only, db)
        let specPlaces = try specPlaces(staleOnly: scope.staleOnly, only: only, db)
        for place in specPlaces where !place.reason.isEmpty { reasons[place.place, default: []].append(place.reason) }
        for (place, reason) in try profileAppReasons(only: only, db) { reasons[place, default: []].append(reason) }

        let places = Set(reasons.keys).union(scope.staleOnly ? [] : specPlaces.map(\.place))
        // The apps to rebuild (live, the Region still in the spec) and the apps whose profiles they name.
        var apps = scope.coversEveryApp ? try Self.liveAppsByName(db) : try Self.apps(named: Set(places.map(\.app)), db)
        let profileApps = Set(apps.values.compactMap(\.spec.inferenceProfileApp)).subtracting(apps.keys)
        apps.merge(try Self.apps(named: profileApps, db)) { a, _ in a }
        let current = places.filter { place in apps[place.app]?.spec.regions.contains(place.region) == true }
        let versions = try latestVersions(apps: scope.coversEveryApp ? nil : Set(current.map(\.app)).sorted(), texts: false, db)
        let latest = Dictionary(versions.map { (Place($0), $0) }) { a, _ in a }
        let templates = current.sorted { ($0.app, $0.region) < ($1.app, $1.region) }.map { place in
            StaleTemplate(app: place.app, region: place.region, current: latest[place], reasons: reasons[place] ?? [])
        }
        return RebuildWork(catalog: catalog, catalogRevision: revision, apps: apps, templates: templates)
    }

    /// `catalog rev 42: profile us.x destinations from us-east-1 +us-east-2` for each current
    /// template built before a logged (or `pending`) change to an entry it depends on; one
    /// reason per revision, oldest first. Only changes since the oldest current template was
    /// built are read, and only the changes that can alter a template count.
    private static func catalogReasons(
        catalog: CatalogSnapshot, revision: Int, pending: [CatalogChange], only: (sql: String, argument: SQLValue)?,
        _ db: any SQLTransaction
    ) throws -> [Place: [String]] {
        let arguments = only.map { [$0.argument] } ?? []
        guard let oldest = try db.rows("""
            SELECT MIN(t.upToDateCatalogRevision) AS revision FROM templateVersion t WHERE t.latest = 1\(only?.sql ?? "")
            """, arguments).first?.optionalInt("revision") else { return [:] }
        let logged = try db.rows("SELECT revision, kind, ref, summary FROM catalogChange WHERE revision > ? ORDER BY revision, id",
                                 SQLValue(oldest)).compactMap { row -> (revision: Int, change: CatalogChange)? in
            guard let kind = EntityKind(rawValue: try row.string("kind")) else { return nil }
            return (try row.int("revision"), CatalogChange(kind: kind, key: try row.string("ref"), summary: try row.string("summary")))
        }
        let changes = (logged + pending.map { (revision, $0) }).filter { CatalogDiff.affectsTemplates($0.change) }
        guard !changes.isEmpty else { return [:] }
        var byDependency: [String: [(revision: Int, change: CatalogChange, regions: Set<String>?)]] = [:]
        for item in changes {
            for touched in Self.dependencies(touchedBy: item.change, in: catalog) {
                byDependency[touched.dependency, default: []].append((item.revision, item.change, touched.regions))
            }
        }
        let narrowing = try Self.narrowing(to: byDependency.keys, db)
        var found: [Place: [(revision: Int, change: CatalogChange)]] = [:]
        for row in try db.rows("""
            SELECT t.appName, t.region, t.upToDateCatalogRevision AS builtFrom, d.kind, d.ref
            FROM templateDependency d JOIN templateVersion t ON t.id = d.templateVersionId
            WHERE d.current = 1\(narrowing.sql)\(only?.sql ?? "")
            """, narrowing.arguments + arguments) {
            let builtFrom = try row.int("builtFrom")
            let region = try row.string("region")
            let later = (byDependency["\(try row.string("kind")) \(try row.string("ref"))"] ?? []).filter {
                $0.revision > builtFrom && $0.regions?.contains(region) != false
            }
            guard !later.isEmpty else { continue }
            found[Place(app: try row.string("appName"), region: region), default: []] += later.map { ($0.revision, $0.change) }
        }
        return found.mapValues { items in
            Dictionary(grouping: Set(items.map { ChangeAt(revision: $0.revision, change: $0.change) }), by: \.revision)
                .sorted { $0.key < $1.key }
                .map { revision, changes in
                    "catalog rev \(revision): " + changes.map(\.change).sorted { ($0.subject, $0.summary) < ($1.subject, $1.summary) }
                        .map(\.description).joined(separator: ", ")
                }
        }
    }

    /// A template dependency (`kind ref`) a catalog change can alter the templates of, in the
    /// given Regions only (every Region when `nil`).
    struct TouchedDependency: Hashable {
        var dependency: String
        var regions: Set<String>?

        func matches(kind: String, ref: String, region: String) -> Bool {
            dependency == "\(kind) \(ref)" && regions?.contains(region) != false
        }
    }

    /// ` AND d.kind IN (…) AND d.ref IN (…)` for dependencies named `kind ref`, with its two
    /// arguments: the current dependencies' index (`templateDependency_current`, by kind then
    /// ref) narrows the rows to these pairs and the few other pairs of their kinds and refs,
    /// which the caller tells apart.
    static func narrowing(
        to dependencies: some Sequence<String>, _ db: any SQLTransaction
    ) throws -> (sql: String, arguments: [SQLValue]) {
        let pairs = dependencies.map { (kind: String($0.prefix { $0 != " " }), ref: String($0.drop { $0 != " " }.dropFirst())) }
        return (" AND d.kind IN (\(db.dialect.textList)) AND d.ref IN (\(db.dialect.textList))",
                [try json(Set(pairs.map(\.kind)).sorted()), try json(Set(pairs.map(\.ref)).sorted())])
    }

    /// What a catalog change can alter: the entry it is about and, for a change to a profile,
    /// its model in the Regions that are the profile's sources, because which profile a model is
    /// called through from a Region depends on all of its profiles there (their status, routes).
    static func dependencies(touchedBy change: CatalogChange, in catalog: CatalogSnapshot) -> [TouchedDependency] {
        var touched = [TouchedDependency(dependency: "\(change.kind.rawValue) \(change.key)", regions: nil)]
        if change.kind == .profile, let profile = catalog.profiles[change.key] {
            touched.append(TouchedDependency(dependency: "\(EntityKind.model.rawValue) \(profile.modelId)",
                                             regions: Set(profile.sourceRegions)))
        }
        return touched
    }

    private struct ChangeAt: Hashable {
        var revision: Int
        var change: CatalogChange
    }

    /// Each Region the live apps' specs name, with `spec rev 3 (last built for spec rev 2)` when
    /// its current template was last built for an older spec revision, or `spec rev 1: no template
    /// yet`; only those when `staleOnly`.
    private static func specPlaces(
        staleOnly: Bool, only: (sql: String, argument: SQLValue)?, _ db: any SQLTransaction
    ) throws -> [(place: Place, reason: String)] {
        try db.rows("""
            SELECT a.name AS app, r.region AS region, a.specRevision AS specRevision, t.upToDateSpecRevision AS builtFrom
            FROM app a JOIN appRegion r ON r.appName = a.name
            LEFT JOIN templateVersion t ON t.appName = a.name AND t.region = r.region AND t.latest = 1
            WHERE a.deletedAt IS NULL\(only.map { _ in " AND a.name IN (\(db.dialect.textList))" } ?? "")\
            \(staleOnly ? " AND (t.id IS NULL OR t.upToDateSpecRevision < a.specRevision)" : "")
            """, only.map { [$0.argument] } ?? []).map { row in
            let revision = try row.int("specRevision")
            let reason = switch row.optionalInt("builtFrom") {
            case nil: "spec rev \(revision): no template yet"
            case let built? where built < revision: "spec rev \(revision) (last built for spec rev \(built))"
            default: ""
            }
            return (Place(app: try row.string("app"), region: try row.string("region")), reason)
        }
    }

    /// Current templates whose profile app (`inferenceProfileApp`) has another spec revision
    /// than they were last built for, or is gone.
    private static func profileAppReasons(
        only: (sql: String, argument: SQLValue)?, _ db: any SQLTransaction
    ) throws -> [(place: Place, reason: String)] {
        try db.rows("""
            SELECT t.appName, t.region, d.ref AS profileApp, d.revision AS builtFrom, x.specRevision, x.deletedAt
            FROM templateDependency d JOIN templateVersion t ON t.id = d.templateVersionId
            LEFT JOIN app x ON x.name = d.ref
            WHERE d.current = 1 AND d.kind = 'app'\(only?.sql ?? "")
              AND (x.name IS NULL OR x.deletedAt IS NOT NULL OR d.revision IS NULL OR d.revision <> x.specRevision)
            """, only.map { [$0.argument] } ?? []).map { row in
            let app = try row.string("profileApp")
            let reason = switch (row.optionalInt("specRevision"), row.optionalString("deletedAt"), row.optionalInt("builtFrom")) {
            case (nil, _, _), (_, _?, _): "profile app \(app) deleted"
            case let (revision?, nil, built?): "profile app \(app) spec rev \(revision) (last built for spec rev \(built))"
            case let (revision?, nil, nil): "profile app \(app) spec rev \(revision)"
            }
            return (Place(app: try row.string("appName"), region: try row.string("region")), reason)
        }
    }

    /// The named apps that are live, by name.
    private static func apps(named names: Set<String>, _ db: any SQLTransaction) throws -> [String: StoredApp] {
        Dictionary(try liveApps(named: Array(names), db).map { ($0.name, $0) }) { a, _ in a }
    }

    /// Every live app, by name.
    private static func liveAppsByName(_ db: any SQLTransaction) throws -> [String: StoredApp] {
        Dictionary(try liveApps(db).map { ($0.name, $0) }) { a, _ in a }
    }
}

extension RebuildWork {
    /// The current version of each app Region the work covers, as recording looks them up.
    var currentByPlace: [SQLCatalogRepository.Place: TemplateVersion] {
        Dictionary(templates.compactMap { stale in stale.current.map { (SQLCatalogRepository.Place($0), $0) } }) { a, _ in a }
    }
}
