import CatalogModel
import Foundation

/// Template versions: record, list, and which apps use which models.
extension SQLCatalogRepository {
    /// Records each candidate whose text differs from the latest version of its app and
    /// Region, with its dependencies and revisions, in one transaction. A candidate built from
    /// an older spec or catalog revision than the latest version's is not stored (superseded):
    /// the check runs inside the write transaction, so concurrent commands cannot reorder versions.
    public func recordTemplates(_ candidates: [TemplateCandidate], at date: Date) throws -> [RecordedTemplate] {
        let apps = Set(candidates.map(\.app)).sorted()
        // Nothing new: answer from a read, without a write (an SQLite file stays untouched).
        let latest = try engine.read { db in try Self.latestVersionsByPlace(apps: apps, db) }
        let previous = candidates.map { latest[Place($0)] }
        if !zip(candidates, previous).contains(where: { Self.recordingWrites($0, latest: $1) }) {
            return previous.compactMap { $0.map { RecordedTemplate(version: $0, outcome: .unchanged) } }
        }
        return try engine.write { db in
            // Read again inside the transaction, then kept current as versions are added.
            var latest = try Self.latestVersionsByPlace(apps: apps, db)
            let recorded = try Self.record(candidates, latest: &latest, at: date, into: db, keepingTexts: true)
            try Self.refreshVersionStatistics(after: recorded, db)
            return recorded
        }
    }

    /// What recording each candidate does, given the `latest` version of each app and Region
    /// (kept current as versions are added): a text equal to the latest is unchanged, one built
    /// from an older spec or catalog revision than the latest is superseded, and any other is a
    /// new version, written into `db` when given (a dry run passes none). New versions keep
    /// their texts only when `keepingTexts`.
    static func record(
        _ candidates: [TemplateCandidate], latest: inout [Place: TemplateVersion], at date: Date,
        into db: (any SQLTransaction)?, keepingTexts: Bool = false
    ) throws -> [RecordedTemplate] {
        // New versions are written a batch at a time, a few statements for them all. A place
        // already in the batch has it written first: what follows reads or changes its latest row.
        var batch = NewVersions()
        let createdAt = Self.timestamp(date)
        let recorded = try candidates.map { candidate in
            let previous = latest[Place(candidate)]
            if let db, batch.places.contains(Place(candidate)) { try batch.write(db) }
            if var previous, previous.sha256 == candidate.sha256 {
                guard movesUpToDate(candidate, previous) else {
                    return RecordedTemplate(version: previous, outcome: .unchanged)
                }
                if let db { try markUpToDate(previous, with: candidate, db) }
                previous.upToDateCatalogRevision = max(previous.upToDateCatalogRevision, candidate.catalogRevision)
                previous.upToDateSpecRevision = max(previous.upToDateSpecRevision, candidate.specRevision)
                previous.appRevisions.merge(candidate.appRevisions) { _, new in new }
                latest[Place(candidate)] = previous
                return RecordedTemplate(version: previous, outcome: .unchanged)
            }
            if let previous, candidate.specRevision < previous.specRevision
                || candidate.catalogRevision < previous.catalogRevision {
                return RecordedTemplate(version: previous, outcome: .superseded)
            }
            var version = TemplateVersion(
                app: candidate.app, region: candidate.region, version: (previous?.version ?? 0) + 1,
                sha256: candidate.sha256, body: keepingTexts ? TemplateLayout.laidOut(candidate.compactBody) : "",
                catalogRevision: candidate.catalogRevision,
                specRevision: candidate.specRevision, createdAt: createdAt, reason: candidate.reason,
                dependencies: TemplateDependencies(entries: candidate.dependencies.entries))
            version.tags = candidate.tags
            version.appRevisions = candidate.appRevisions.filter { version.dependencies.apps.contains($0.key) }
            if db != nil { batch.add(version, compactBody: candidate.compactBody, replacing: previous != nil) }
            latest[Place(candidate)] = version
            return RecordedTemplate(version: version, outcome: .new)
        }
        if let db { try batch.write(db) }
        return recorded
    }

    /// After recording: refreshes the statistics of the version tables when many versions were
    /// added (see `SQLDialect.refreshStatistics`); once per command, however it was chunked.
    static func refreshVersionStatistics(after recorded: [RecordedTemplate], _ db: any SQLTransaction) throws {
        try db.refreshStatistics(of: ["templateVersion", "templateDependency"], afterAdding: recorded.count(where: \.isNew))
    }

    /// Whether a candidate whose text equals the latest version's was built from newer revisions
    /// (of the catalog, its spec, or its profile apps' specs) than that version is known to
    /// match: recording it marks the version up to date with them, so it is no longer stale.
    static func movesUpToDate(_ candidate: TemplateCandidate, _ version: TemplateVersion) -> Bool {
        candidate.catalogRevision > version.upToDateCatalogRevision || candidate.specRevision > version.upToDateSpecRevision
            || candidate.appRevisions.contains { version.appRevisions[$0.key] != $0.value }
    }

    /// Whether recording `candidate` writes anything, given the `latest` version of its place.
    static func recordingWrites(_ candidate: TemplateCandidate, latest: TemplateVersion?) -> Bool {
        guard let latest, latest.sha256 == candidate.sha256 else { return true }
        return movesUpToDate(candidate, latest)
    }

    /// Marks the latest version up to date with the revisions `candidate` (the same text) was built from.
    private static func markUpToDate(_ version: TemplateVersion, with candidate: TemplateCandidate, _ db: any SQLTransaction) throws {
        let place: [SQLValue] = [.text(version.app), .text(version.region)]
        try db.execute("""
            UPDATE templateVersion SET upToDateCatalogRevision = ?, upToDateSpecRevision = ?
            WHERE appName = ? AND region = ? AND latest = 1 AND upToDateCatalogRevision <= ? AND upToDateSpecRevision <= ?
            """, [SQLValue(candidate.catalogRevision), SQLValue(candidate.specRevision)] + place
                + [SQLValue(candidate.catalogRevision), SQLValue(candidate.specRevision)])
        for (app, revision) in candidate.appRevisions.sorted(by: { $0.key < $1.key }) {
            try db.execute("""
                UPDATE templateDependency SET revision = ? WHERE kind = 'app' AND ref = ? AND templateVersionId IN (
                    SELECT id FROM templateVersion WHERE appName = ? AND region = ? AND latest = 1)
                """, [SQLValue(revision), .text(app)] + place)
        }
    }

    /// New latest versions of their apps and Regions, each of a different place, waiting to be
    /// written with their dependencies, which become current.
    private struct NewVersions {
        private var versions: [(version: TemplateVersion, compactBody: String, replacing: Bool)] = []
        private(set) var places: Set<Place> = []

        /// Adds a version, with its text as stored; `replacing` when its place has a latest
        /// version, which the caller read in this transaction.
        mutating func add(_ version: TemplateVersion, compactBody: String, replacing: Bool) {
            versions.append((version, compactBody, replacing))
            places.insert(Place(version))
        }

        /// Writes the versions and empties the batch: the versions they replace stop being
        /// latest and their dependencies current, texts no version has yet are stored (once
        /// each), then the versions and their dependencies (each place's new id read back).
        mutating func write(_ db: any SQLTransaction) throws {
            defer { (versions, places) = ([], []) }
            guard !versions.isEmpty else { return }
            for (version, _, replacing) in versions where replacing {
                let place = [SQLValue.text(version.app), .text(version.region)]
                try db.execute("""
                    UPDATE templateDependency SET current = 0 WHERE current = 1 AND templateVersionId IN (
                        SELECT id FROM templateVersion WHERE appName = ? AND region = ? AND latest = 1)
                    """, place)
                try db.execute("UPDATE templateVersion SET latest = 0 WHERE appName = ? AND region = ? AND latest = 1", place)
            }
            var texts: Set<String> = []
            try db.insert("templateBody", columns: ["sha256", "body"], rows: versions.compactMap { version, compactBody, _ in
                texts.insert(version.sha256).inserted ? [.text(version.sha256), .text(compactBody)] : nil
            }, suffix: " ON CONFLICT (sha256) DO NOTHING")
            let written = try db.insert("templateVersion", columns: [
                "appName", "region", "version", "sha256", "catalogRevision", "specRevision", "createdAt", "reason", "latest",
                "tags", "upToDateCatalogRevision", "upToDateSpecRevision",
            ], rows: try versions.map { version, _, _ in
                [.text(version.app), .text(version.region), SQLValue(version.version), .text(version.sha256),
                 SQLValue(version.catalogRevision), SQLValue(version.specRevision), .text(version.createdAt),
                 .text(version.reason), .integer(1), try version.tags.map(json) ?? .null,
                 SQLValue(version.catalogRevision), SQLValue(version.specRevision)]
            }, returning: ["id", "appName", "region"])
            // Each place is in the batch once, so it names its version's new id.
            var ids: [Place: SQLValue] = [:]
            for row in written {
                ids[Place(app: try row.string("appName"), region: try row.string("region"))] = .integer(Int64(try row.int("id")))
            }
            try db.insert("templateDependency", columns: ["templateVersionId", "kind", "ref", "revision", "current"],
                          rows: try versions.flatMap { version, _, _ in
                              guard let id = ids[Place(version)] else { throw SQLRowError.missing("templateVersion.id") }
                              return version.dependencies.entries.map { kind, ref in
                                  [id, .text(kind.rawValue), .text(ref),
                                   kind == .app ? SQLValue(version.appRevisions[ref]) : .null, .integer(1)]
                              }
                          })
        }
    }

    /// Every version of an app's templates, by Region then version.
    public func templateVersions(app: String) throws -> [TemplateVersion] {
        try engine.read { db in
            try Self.versions(db.rows("""
                SELECT t.*, b.body FROM templateVersion t \(Self.joinBody)
                WHERE t.appName = ? ORDER BY \(db.dialect.byteOrder("t.region")), t.version
                """, .text(app)), db)
        }
    }

    /// The newest version of each app and Region, by app then Region.
    public func latestVersions() throws -> [TemplateVersion] {
        try engine.read { db in try Self.latestVersions(apps: nil, db) }
    }

    /// The newest version of each app and Region, of `apps` only when given, by app then Region;
    /// without their texts (`body` empty) unless `texts`.
    static func latestVersions(apps: [String]?, texts: Bool = true, _ db: any SQLTransaction) throws -> [TemplateVersion] {
        try versions(db.rows("""
            SELECT t.*, \(texts ? "b.body" : "'' AS body") FROM templateVersion t \(texts ? Self.joinBody : "") WHERE t.latest = 1\
            \(apps == nil ? "" : " AND t.appName IN (\(db.dialect.textList))")
            ORDER BY \(db.dialect.byteOrder("t.appName", "t.region"))
            """, try apps.map { [try json($0)] } ?? []), db)
    }

    /// Each version's text (`b.body`) joined to the version (`t`): texts are stored once
    /// (`templateBody`), however many versions have them.
    static let joinBody = "JOIN templateBody b ON b.sha256 = t.sha256"

    /// An app and one of its Regions: where a template is deployed.
    struct Place: Hashable {
        var app: String
        var region: String
        init(app: String, region: String) { (self.app, self.region) = (app, region) }
        init(_ candidate: TemplateCandidate) { (app, region) = (candidate.app, candidate.region) }
        init(_ version: TemplateVersion) { (app, region) = (version.app, version.region) }
    }

    /// The newest version of each app and Region, of `apps` only when given.
    static func latestVersionsByPlace(apps: [String]?, texts: Bool = true, _ db: any SQLTransaction) throws -> [Place: TemplateVersion] {
        Dictionary(try latestVersions(apps: apps, texts: texts, db).map { (Place($0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The dependencies of live apps' current templates: the latest version of each app and Region
    /// its spec still names (`templateDependency.current`). `d` is the dependency, `t` the version,
    /// `a` the app; a query adds its own `AND ...` conditions after it.
    static let currentTemplateDependencies = """
        FROM templateDependency d
        JOIN templateVersion t ON t.id = d.templateVersionId
        JOIN app a ON a.name = t.appName AND a.deletedAt IS NULL
        WHERE d.current = 1
        """

    /// The current templates (see `currentTemplateDependencies`) a catalog change can alter, as
    /// `regenerate` finds them (`dependencies(touchedBy:in:)`; changes no template holds, such as
    /// prices, left out), as (app, Region) pairs sorted by app then Region.
    public func templatesBuilt(from changes: [CatalogChange]) throws -> [(app: String, region: String)] {
        let places = try engine.read { db in
            let catalog = try SnapshotReader.read(db)
            let touched = Set(changes.filter(CatalogDiff.affectsTemplates)
                .flatMap { Self.dependencies(touchedBy: $0, in: catalog) })
            guard !touched.isEmpty else { return [Place]() }
            let narrowing = try Self.narrowing(to: touched.map(\.dependency), db)
            return try db.rows("""
                SELECT DISTINCT t.appName AS app, t.region AS region, d.kind AS kind, d.ref AS ref
                \(Self.currentTemplateDependencies)\(narrowing.sql)
                """, narrowing.arguments)
                .filter { row in
                    let (kind, ref, region) = (try row.string("kind"), try row.string("ref"), try row.string("region"))
                    return touched.contains { $0.matches(kind: kind, ref: ref, region: region) }
                }
                .map { Place(app: try $0.string("app"), region: try $0.string("region")) }
        }
        return Set(places).sorted { ($0.app, $0.region) < ($1.app, $1.region) }.map { (app: $0.app, region: $0.region) }
    }

    /// Every version's body as stored, oldest first, a page of `pageSize` versions per read (by id, so a
    /// version recorded meanwhile comes in a later page rather than shifting one). A version
    /// whose text is missing comes with an empty one, which does not hash to its SHA-256.
    public func forEachTemplateBody(pageSize: Int, _ body: (StoredTemplateBody) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let page = try engine.read { db in
                try db.rows("""
                    SELECT t.id, t.appName, t.region, t.version, t.sha256, COALESCE(b.body, '') AS body
                    FROM templateVersion t LEFT \(Self.joinBody)
                    WHERE t.id > ? ORDER BY t.id LIMIT ?
                    """, .integer(after), SQLValue(max(pageSize, 1)))
                    .map { row in
                        (id: Int64(try row.int("id")), template: StoredTemplateBody(
                            app: try row.string("appName"), region: try row.string("region"), version: try row.int("version"),
                            sha256: try row.string("sha256"), storedText: try row.string("body")))
                    }
            }
            for item in page { try body(item.template) }
            guard let last = page.last else { return }
            after = last.id
        }
    }

    /// Live apps whose current template in some Region uses the model: a Bedrock model (directly
    /// or through a profile) or, with `kind` `.sagemakerModel`, a SageMaker model; any other
    /// `kind` names that entry (a profile, a geography, a Region). Sorted.
    public func appsUsing(model: String, kind: EntityKind) throws -> [String] {
        try engine.read { db in
            try db.rows("""
                SELECT DISTINCT t.appName AS app
                \(Self.currentTemplateDependencies)
                  AND d.kind = ? AND d.ref = ?
                """, .text(kind.rawValue), .text(model)).map { try $0.string("app") }.sorted()
        }
    }

    /// Model id (or, with `kind` `.sagemakerModel`, SageMaker model name) -> live apps whose
    /// latest templates use it, sorted.
    public func modelUsage(kind: EntityKind) throws -> [String: [String]] {
        try engine.read { db in
            let rows = try db.rows("""
                SELECT DISTINCT d.ref AS model, t.appName AS app
                \(Self.currentTemplateDependencies)
                  AND d.kind = ?
                """, .text(kind.rawValue))
            return Dictionary(grouping: try rows.map { (model: try $0.string("model"), app: try $0.string("app")) },
                              by: \.model).mapValues { $0.map(\.app).sorted() }
        }
    }

    /// The versions in `rows`, their dependencies read in one query.
    static func versions(_ rows: [SQLRow], _ db: any SQLTransaction) throws -> [TemplateVersion] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { Int64(try $0.int("id")) }
        let dependencies = try db.rows("""
            SELECT templateVersionId, kind, ref, revision FROM templateDependency WHERE templateVersionId IN (\(db.dialect.integerList))
            ORDER BY templateVersionId, \(db.dialect.byteOrder("kind", "ref"))
            """, try json(ids))
        var byVersion: [Int: [(kind: EntityKind, ref: String)]] = [:]
        var appRevisions: [Int: [String: Int]] = [:]
        for row in dependencies {
            let entity: EntityKind = try row.value("kind", of: "templateDependency")
            let id = try row.int("templateVersionId"), ref = try row.string("ref")
            byVersion[id, default: []].append((kind: entity, ref: ref))
            if entity == .app, let revision = row.optionalInt("revision") { appRevisions[id, default: [:]][ref] = revision }
        }
        return try rows.map { row in
            let id = try row.int("id")
            var version = TemplateVersion(
                app: try row.string("appName"), region: try row.string("region"), version: try row.int("version"),
                sha256: try row.string("sha256"), body: try row.templateText("body"),
                catalogRevision: try row.int("catalogRevision"), specRevision: try row.int("specRevision"),
                createdAt: try row.string("createdAt"), reason: try row.string("reason"),
                dependencies: TemplateDependencies(entries: byVersion[id] ?? []))
            version.upToDateCatalogRevision = try row.int("upToDateCatalogRevision")
            version.upToDateSpecRevision = try row.int("upToDateSpecRevision")
            version.appRevisions = appRevisions[id] ?? [:]
            version.tags = try row.optionalString("tags").map {
                try JSONDecoder().decode([String: String].self, from: Data($0.utf8))
            }
            return version
        }
    }
}
