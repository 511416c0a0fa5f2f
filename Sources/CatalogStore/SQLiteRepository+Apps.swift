import CatalogModel
import Foundation
internal import GRDB

/// App specs: apply, list, delete, and the tags their resources carry.
extension SQLiteRepository {
    /// Apps sorted by name; deleted ones only when asked for.
    public func apps(includingDeleted: Bool) throws -> [StoredApp] {
        try translatingDatabaseErrors(path: path) {
            try reader.read { db in
                includingDeleted ? try AppRecord.order(AppRecord.Columns.name).fetchAll(db).map(Self.storedApp)
                    : try Self.liveApps(db)
            }
        }
    }

    /// Live apps sorted by name.
    static func liveApps(_ db: Database) throws -> [StoredApp] {
        try AppRecord.filter(AppRecord.Columns.deletedAt == nil).order(AppRecord.Columns.name).fetchAll(db)
            .map(Self.storedApp)
    }

    public func app(named name: String) throws -> StoredApp? {
        try translatingDatabaseErrors(path: path) {
            try reader.read { db in try AppRecord.fetchOne(db, key: name).map(Self.storedApp) }
        }
    }

    /// Stores specs in one transaction; a spec equal to the stored one changes nothing, and
    /// when nothing changes the file is not touched. `checkedAt` is the catalog revision the
    /// specs were checked against: when the catalog has moved on since, nothing is stored
    /// (`StoreError.catalogChanged`), so a spec never lands unchecked against the catalog it joins.
    public func applySpecs(
        _ specs: [(spec: AppSpec, source: String)], checkedAt: Int?, at date: Date
    ) throws -> [AppChange] {
        let planned = try translatingDatabaseErrors(path: path) {
            try reader.read { db in try specs.map { try Self.change(for: $0.spec, db) } }
        }
        guard planned.contains(where: { $0 != .unchanged }) else { return planned }
        return try translatingDatabaseErrors(path: path) {
            try writer().write { db in
                if let checkedAt {
                    let now = try Self.currentRevision(db)
                    if now != checkedAt { throw StoreError.catalogChanged(path: path, checkedAt: checkedAt, now: now) }
                }
                return try specs.map { spec, source in
                    let change = try Self.change(for: spec, db)
                    guard change != .unchanged else { return change }
                    let revision = (try AppRecord.fetchOne(db, key: spec.name)?.specRevision ?? 0) + 1
                    let json = spec.canonicalJSON()
                    try AppRecord(name: spec.name, team: spec.team, pattern: spec.pattern.rawValue,
                                  spec: json, specRevision: revision, source: source,
                                  updatedAt: Self.timestamp(date), deletedAt: nil).save(db)
                    try AppSpecRevisionRecord(appName: spec.name, specRevision: revision, spec: json, source: source,
                                              appliedAt: Self.timestamp(date)).insert(db)
                    try AppTagRecord.filter(AppTagRecord.Columns.appName == spec.name).deleteAll(db)
                    for (key, value) in spec.resourceTags().sorted(by: { $0.key < $1.key }) {
                        try AppTagRecord(appName: spec.name, key: key, value: value).insert(db)
                    }
                    return change
                }
            }
        }
    }

    /// Every tag on live apps' resources (`AppSpec.resourceTags()`, deploycat's own included) with
    /// the apps that carry it, sorted by key and value.
    public func tagUsage(key: String?) throws -> [TagUsage] {
        struct Pair: Hashable { var key: String, value: String }
        let rows = try translatingDatabaseErrors(path: path) {
            try reader.read { db in
                // One key is looked up through the appTag(key, value) index.
                try Row.fetchAll(db, sql: """
                    SELECT t.key, t.value, t.appName FROM appTag t
                    JOIN app a ON a.name = t.appName AND a.deletedAt IS NULL
                    \(key == nil ? "" : "WHERE t.key = ?")
                    """, arguments: StatementArguments(key.map { [$0] } ?? []))
                    .map { (key: $0["key"] as String, value: $0["value"] as String, app: $0["appName"] as String) }
            }
        }
        var apps: [Pair: [String]] = [:]
        for row in rows { apps[Pair(key: row.key, value: row.value), default: []].append(row.app) }
        return apps.map { TagUsage(key: $0.key.key, value: $0.key.value, apps: $0.value.sorted()) }
            .sorted { ($0.key, $0.value) < ($1.key, $1.value) }
    }

    /// Every recorded revision of an app's spec, oldest first. Catalogs from before spec
    /// history was kept start at the revision current then.
    public func specHistory(app name: String) throws -> [(revision: Int, spec: AppSpec)] {
        try translatingDatabaseErrors(path: path) {
            try reader.read { db in
                try AppSpecRevisionRecord.filter(AppSpecRevisionRecord.Columns.appName == name)
                    .order(AppSpecRevisionRecord.Columns.specRevision).fetchAll(db)
                    .map { (revision: $0.specRevision, spec: try AppSpec.fromCanonicalJSON($0.spec)) }
            }
        }
    }

    /// Marks a live app deleted; its template versions stay readable.
    public func deleteApp(named name: String, at date: Date) throws {
        try translatingDatabaseErrors(path: path) {
            try writer().write { db in
                try db.execute(sql: "UPDATE app SET deletedAt = ? WHERE name = ? AND deletedAt IS NULL",
                               arguments: [Self.timestamp(date), name])
            }
        }
    }

    private static func change(for spec: AppSpec, _ db: Database) throws -> AppChange {
        guard let stored = try AppRecord.fetchOne(db, key: spec.name) else { return .created }
        if stored.deletedAt != nil { return .restored }
        return stored.spec == spec.canonicalJSON() ? .unchanged : .updated
    }

    static func storedApp(_ record: AppRecord) throws -> StoredApp {
        StoredApp(spec: try AppSpec.fromCanonicalJSON(record.spec), specRevision: record.specRevision,
                  source: record.source, updatedAt: record.updatedAt, deletedAt: record.deletedAt)
    }
}
