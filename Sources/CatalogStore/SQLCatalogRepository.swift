import CatalogModel
import Foundation

/// The catalog repository on an SQL engine: every query and write, written once for SQLite and
/// PostgreSQL alike (`SQLEngine` runs them; `SQLDialect` says where the two differ). Each public
/// method is one transaction and speaks only in `CatalogModel` values. `SQLiteCatalog` and
/// `PostgresCatalog` open one; `CatalogDatabase` picks which from a `--db` value.
public struct SQLCatalogRepository: CatalogRepository {
    let engine: any SQLEngine
    public var location: String { engine.location }
    public private(set) var createdCatalog = false
    var dialect: SQLDialect { engine.dialect }

    /// A repository on a migrated database; loads the default catalog (as of `loadedAt`) into
    /// one that has none unless `loadsDefaultCatalog` is off (a copy's target). `created` says
    /// that the caller made the database with the default catalog already in it.
    init(engine: any SQLEngine, loadsDefaultCatalog: Bool, created: Bool = false, loadedAt: Date = Date()) throws {
        self.engine = engine
        createdCatalog = created
        if loadsDefaultCatalog, !created, try revision() == 0 {
            // Another deploycat may load it first: then this update changes nothing.
            createdCatalog = try update(origin: DefaultCatalog.origin, at: loadedAt) { snapshot in
                try DefaultCatalog.document().merge(into: &snapshot)
            }.revision != nil
        }
    }

    /// The whole catalog.
    public func snapshot() throws -> CatalogSnapshot {
        try engine.read(SnapshotReader.read)
    }

    public func modelKind(of name: String) throws -> EntityKind? {
        try engine.read { db in
            try db.rows("""
                SELECT 'model' AS kind FROM foundationModel WHERE id = ?
                UNION ALL SELECT 'sagemakerModel' AS kind FROM sagemakerModel WHERE name = ?
                """, [.text(name), .text(name)]).first.flatMap { EntityKind(rawValue: try $0.string("kind")) }
        }
    }

    /// The whole catalog and its revision, read together so they match.
    public func revisionedSnapshot() throws -> (snapshot: CatalogSnapshot, revision: Int) {
        try engine.read { db in (try SnapshotReader.read(db), try Self.currentRevision(db)) }
    }

    /// The current catalog revision; 0 for a catalog that has never been loaded.
    public func revision() throws -> Int {
        try engine.read(Self.currentRevision)
    }

    /// The current catalog revision as `db` sees it; 0 before the catalog is first loaded.
    static func currentRevision(_ db: any SQLTransaction) throws -> Int {
        try db.rows("SELECT MAX(revision) AS revision FROM catalogRevision").first?.optionalInt("revision") ?? 0
    }

    /// Changes the catalog in one transaction: `change` edits a snapshot, `check` may refuse
    /// the result, and when the result differs, the differences are written, a revision is made
    /// and each change is logged. When `change` or `check` throws, the change changes nothing,
    /// or `dryRun` is set, nothing is written (an SQLite file is not even touched); a dry run
    /// returns the changes it would make, with no revision. With `rebuild`, the templates
    /// stale after the change are rebuilt in the same transaction (see `rebuild(_:at:dryRun:build:)`);
    /// when the catalog does not change, they are rebuilt on their own.
    ///
    /// `change` and `check` first run on a snapshot read outside the write, then again inside
    /// the write transaction, which sees every earlier write: they must depend on nothing but
    /// what they are given.
    public func update(
        origin: String, at date: Date, dryRun: Bool, check: CatalogUpdateCheck?, rebuild: RebuildRequest?,
        change: (inout CatalogSnapshot) throws -> Void
    ) throws -> CatalogUpdate {
        let (current, currentRevision) = try revisionedSnapshot()
        var trial = current
        try change(&trial)
        guard trial != current else {
            let rebuilt = try rebuild.map { try self.rebuild($0.scope, at: date, dryRun: dryRun, build: $0.build) }
            return CatalogUpdate(revision: nil, changes: [], rebuild: rebuilt)
        }
        // The apps are read only for a check: loading the default catalog and plain imports need none.
        let trialApps = check == nil ? [] : try apps()
        try check?(current, trial, trialApps)
        if dryRun {
            let changes = CatalogDiff.changes(from: current, to: trial)
            let rebuilt = try rebuild.map { request in
                try engine.read { db in
                    try Self.rebuild(request.scope, catalog: trial, revision: currentRevision + 1, pending: changes,
                                     build: request.build, at: date, recording: false, db)
                }
            }
            return CatalogUpdate(revision: nil, changes: changes, rebuild: rebuilt)
        }
        return try engine.write { db in
            let old = try SnapshotReader.read(db)
            var new = old
            try change(&new)
            let changes = CatalogDiff.changes(from: old, to: new)
            guard !changes.isEmpty else {
                let rebuilt = try rebuild.map { request in
                    try Self.rebuild(request.scope, catalog: old, revision: try Self.currentRevision(db), pending: [],
                                     build: request.build, at: date, recording: true, db)
                }
                return CatalogUpdate(revision: nil, changes: [], rebuild: rebuilt)
            }
            // The check depends only on what it is given: when nothing changed since the trial,
            // its answer stands.
            if let check {
                let apps = try Self.liveApps(db)
                if old != current || apps != trialApps { try check(old, new, apps) }
            }
            try SnapshotWriter.write(from: old, to: new, db)
            if old.tagDefaults != new.tagDefaults || old.tagPolicy != new.tagPolicy {
                try Self.storeAppTags(of: try Self.liveApps(db).map(\.spec), tagSettings: new, db)
            }
            let revision = try Self.currentRevision(db) + 1
            try db.insert("catalogRevision", ["revision": SQLValue(revision), "appliedAt": .text(Self.timestamp(date)),
                                              "origin": .text(origin)])
            for change in changes {
                try db.insert("catalogChange", ["revision": SQLValue(revision), "subject": .text(change.subject),
                                                "kind": .text(change.kind.rawValue), "ref": .text(change.key),
                                                "summary": .text(change.summary)])
            }
            let rebuilt = try rebuild.map { request in
                try Self.rebuild(request.scope, catalog: new, revision: revision, pending: [], build: request.build,
                                 at: date, recording: true, db)
            }
            return CatalogUpdate(revision: revision, changes: changes, rebuild: rebuilt)
        }
    }

    /// The change log, newest first; `limit` rows at most when given.
    public func changeLog(limit: Int?) throws -> [CatalogLogEntry] {
        try engine.read { db in
            try db.rows("""
                SELECT r.revision, r.appliedAt, r.origin, c.subject, c.summary
                FROM catalogChange c JOIN catalogRevision r ON r.revision = c.revision
                ORDER BY c.id DESC\(limit == nil ? "" : " LIMIT ?")
                """, limit.map { [SQLValue($0)] } ?? []).map { row in
                CatalogLogEntry(revision: try row.int("revision"), appliedAt: try row.string("appliedAt"),
                                origin: try row.string("origin"), subject: try row.string("subject"),
                                summary: try row.string("summary"))
            }
        }
    }

    /// `2026-11-24T20:16:00Z`. A format style, not an `ISO8601DateFormatter`: making one of
    /// those costs more than the insert it is for, and a synth writes thousands of rows.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// A value as JSON text: a list bound as one argument (`SQLDialect.textList`), or a JSON column.
    static func json(_ value: some Encodable) throws -> SQLValue {
        .text(try encoderJSON(value))
    }

    private static func encoderJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Names as a JSON array, the same text as `json(_:)` gives (see `JSONText`): a rebuild of
    /// every app passes thousands.
    static func json(_ strings: [String]) throws -> SQLValue {
        .text(JSONText.array(strings))
    }

    /// A tag set as a JSON object, the same text as `json(_:)` gives (see `JSONText`): a
    /// rebuild writes one per version.
    static func json(_ tags: [String: String]) throws -> SQLValue {
        .text(try JSONText.object(tags) ?? encoderJSON(tags))
    }
}
