import CatalogModel
import Foundation

/// App specs: apply, list, delete, and the tags their resources carry.
extension SQLCatalogRepository {
    /// Apps sorted by name; deleted ones only when asked for.
    public func apps(includingDeleted: Bool) throws -> [StoredApp] {
        try engine.read { db in try Self.apps(includingDeleted: includingDeleted, db) }
    }

    /// Each live app's spec revision (of the `named` ones only, when given): what tells whether
    /// the apps changed.
    static func liveAppRevisions(named names: Set<String>? = nil, _ db: any SQLTransaction) throws -> [String: Int] {
        guard names?.isEmpty != true else { return [:] }
        let rows = try db.rows("SELECT name, specRevision FROM app WHERE deletedAt IS NULL"
            + (names == nil ? "" : " AND name IN (\(db.dialect.textList))"), try names.map { [try json($0.sorted())] } ?? [])
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.string("name"), try $0.int("specRevision")) })
    }

    /// Live apps sorted by name.
    static func liveApps(_ db: any SQLTransaction) throws -> [StoredApp] {
        try apps(includingDeleted: false, db)
    }

    private static func apps(includingDeleted: Bool, _ db: any SQLTransaction) throws -> [StoredApp] {
        try db.rows("""
            SELECT * FROM app\(includingDeleted ? "" : " WHERE deletedAt IS NULL") ORDER BY \(db.dialect.byteOrder("name"))
            """).storedApps()
    }

    public func liveApps(named names: [String]?, team: String?, pattern: PatternKind?, region: String?) throws -> [StoredApp] {
        try engine.read { db in try Self.liveApps(named: names, team: team, pattern: pattern, region: region, db) }
    }

    /// `liveApps(named:team:pattern:region:)`'s summaries, read without their specs.
    public func liveAppSummaries(named names: [String]?, team: String?, pattern: PatternKind?, region: String?) throws -> [AppSummary] {
        try engine.read { db in
            try Self.liveAppRows("name, \(Self.summaryColumns.joined(separator: ", "))", named: names, team: team, pattern: pattern,
                                 region: region, db).map(Self.appSummary)
        }
    }

    /// `liveApps(named:team:pattern:region:)` in `db`.
    static func liveApps(
        named names: [String]?, team: String? = nil, pattern: PatternKind? = nil, region: String? = nil,
        _ db: any SQLTransaction
    ) throws -> [StoredApp] {
        try liveAppRows("*", named: names, team: team, pattern: pattern, region: region, db).storedApps()
    }

    /// The `columns` of the live apps' rows that meet every condition given, by name.
    private static func liveAppRows(
        _ columns: String, named names: [String]?, team: String?, pattern: PatternKind?, region: String?,
        _ db: any SQLTransaction
    ) throws -> [SQLRow] {
        guard names?.isEmpty != true else { return [] }
        var conditions = ["deletedAt IS NULL"]
        var arguments: [SQLValue] = []
        if let names {
            conditions.append("name IN (\(db.dialect.textList))")
            arguments.append(try Self.json(Array(Set(names)).sorted()))
        }
        if let team {
            conditions.append("team = ?")
            arguments.append(.text(team))
        }
        if let pattern {
            conditions.append("pattern = ?")
            arguments.append(.text(pattern.rawValue))
        }
        if let region {
            conditions.append("name IN (SELECT appName FROM appRegion WHERE region = ?)")
            arguments.append(.text(region))
        }
        return try db.rows("""
            SELECT \(columns) FROM app WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(db.dialect.byteOrder("name"))
            """, arguments)
    }

    public func app(named name: String) throws -> StoredApp? {
        try engine.read { db in try db.rows("SELECT * FROM app WHERE name = ?", .text(name)).first.map(Self.storedApp) }
    }

    /// Stores specs in one transaction; a spec equal to the stored one changes nothing, and
    /// when nothing changes nothing is written. `checked` is what the specs were checked
    /// against: when the catalog (or the live apps, when `checked` lists them) moved on since,
    /// `recheck` runs inside the write transaction on the catalog and live apps there, or,
    /// without one, nothing is stored (`StoreError.catalogChanged`). Either way a spec never
    /// lands unchecked against the catalog and apps it joins, and a stream of other writes
    /// cannot starve an apply.
    public func applySpecs(
        _ specs: [(spec: AppSpec, source: String)], checked: CheckedCatalog?, recheck: SpecRecheck?, at date: Date
    ) throws -> [AppChange] {
        let planned = try engine.read { db in try specs.map { try Self.change(for: $0.spec, db) } }
        guard planned.contains(where: { $0 != .unchanged }) else { return planned }
        return try engine.write { db in
            if let checked {
                let now = try Self.currentRevision(db)
                var moved = now != checked.revision
                if !moved, let apps = checked.appRevisions { moved = try Self.liveAppRevisions(db) != apps }
                if moved {
                    guard let recheck else {
                        throw StoreError.catalogChanged(path: location, checkedAt: checked.revision, now: now)
                    }
                    try recheck(try SnapshotReader.read(db), try Self.liveApps(db))
                }
            }
            let changes = try specs.map { spec, source in
                let change = try Self.change(for: spec, db)
                guard change != .unchanged else { return change }
                let stored = try db.rows("SELECT specRevision FROM app WHERE name = ?", .text(spec.name)).first
                let revision = (try stored?.int("specRevision") ?? 0) + 1
                let json = SQLValue.text(spec.canonicalJSON())
                try db.upsert("app", key: ["name"], columns: ["name"] + Self.summaryColumns + [
                    "spec", "specRevision", "source", "updatedAt", "deletedAt",
                ], rows: [[.text(spec.name)] + (try Self.summaryValues(spec.summary)) + [
                    json, SQLValue(revision), .text(source), .text(Self.timestamp(date)), .null,
                ]])
                try db.insert("appSpecRevision", ["appName": .text(spec.name), "specRevision": SQLValue(revision),
                                                  "spec": json, "source": .text(source),
                                                  "appliedAt": .text(Self.timestamp(date))])
                try db.execute("DELETE FROM appRegion WHERE appName = ?", .text(spec.name))
                try db.insert("appRegion", columns: ["appName", "region"], rows: spec.regions.map { [.text(spec.name), .text($0)] })
                try Self.markCurrentTemplates(of: spec.name, regions: spec.regions, db)
                return change
            }
            let stored = zip(specs, changes).filter { $0.1 != .unchanged }.map(\.0.spec)
            try Self.storeAppTags(of: stored, tagSettings: try SnapshotReader.tagSettings(db), db)
            try db.refreshStatistics(of: ["app", "appRegion", "appTag", "appSpecRevision"],
                                     afterAdding: changes.filter { $0 != .unchanged }.count)
            return changes
        }
    }

    /// Keeps `appTag` (what `tags` and `apps list --tag` read) as the apps' effective tags:
    /// their specs' under the catalog's tag defaults and policy, deploycat's own included.
    static func storeAppTags(of specs: [AppSpec], tagSettings catalog: CatalogSnapshot, _ db: any SQLTransaction) throws {
        guard !specs.isEmpty else { return }
        try db.execute("DELETE FROM appTag WHERE appName IN (\(db.dialect.textList))", try json(specs.map(\.name)))
        try db.insert("appTag", columns: ["appName", "key", "value"], rows: specs.flatMap { spec in
            catalog.effectiveTags(of: spec).tags.map { [.text(spec.name), .text($0.key), .text($0.value)] }
        })
    }

    /// Every tag on live apps' resources (their effective tags, deploycat's own included) with
    /// the apps that carry it, sorted by key and value.
    public func tagUsage(key: String?) throws -> [TagUsage] {
        struct Pair: Hashable { var key: String, value: String }
        let rows = try engine.read { db in
            // One key is looked up through the appTag(key, value) index.
            try db.rows("""
                SELECT t.key, t.value, t.appName FROM appTag t
                JOIN app a ON a.name = t.appName AND a.deletedAt IS NULL
                \(key == nil ? "" : "WHERE t.key = ?")
                """, key.map { [SQLValue.text($0)] } ?? [])
                .map { (key: try $0.string("key"), value: try $0.string("value"), app: try $0.string("appName")) }
        }
        var apps: [Pair: [String]] = [:]
        for row in rows { apps[Pair(key: row.key, value: row.value), default: []].append(row.app) }
        return apps.map { TagUsage(key: $0.key.key, value: $0.key.value, apps: $0.value.sorted()) }
            .sorted { ($0.key, $0.value) < ($1.key, $1.value) }
    }

    /// Every recorded revision of an app's spec, oldest first. Catalogs from before spec
    /// history was kept start at the revision current then.
    public func specHistory(app name: String) throws -> [(revision: Int, spec: AppSpec)] {
        try engine.read { db in
            try db.rows("SELECT specRevision, spec FROM appSpecRevision WHERE appName = ? ORDER BY specRevision",
                        .text(name))
                .map { (revision: try $0.int("specRevision"), spec: try AppSpec.fromCanonicalJSON(try $0.string("spec"))) }
        }
    }

    /// Marks a live app deleted; its template versions stay readable, and none is current.
    public func deleteApp(named name: String, at date: Date) throws {
        try engine.write { db in
            try db.execute("UPDATE app SET deletedAt = ? WHERE name = ? AND deletedAt IS NULL",
                           .text(Self.timestamp(date)), .text(name))
            try Self.markCurrentTemplates(of: name, regions: [], db)
        }
    }

    /// Makes the latest version of each of the app's Regions in `regions` current, and of every
    /// other Region not (`templateDependency.current`): a Region a spec drops retires its template,
    /// one it names again brings it back.
    private static func markCurrentTemplates(of app: String, regions: [String], _ db: any SQLTransaction) throws {
        try db.execute("""
            UPDATE templateDependency SET current = CASE WHEN (
                SELECT t.region FROM templateVersion t WHERE t.id = templateDependency.templateVersionId
            ) IN (\(db.dialect.textList)) THEN 1 ELSE 0 END
            WHERE templateVersionId IN (SELECT id FROM templateVersion WHERE appName = ? AND latest = 1)
            """, try json(regions), .text(app))
    }

    /// What storing `spec` would do. Specs are compared as values: PostgreSQL keeps a spec as
    /// `jsonb`, which does not keep the text's key order or spacing.
    private static func change(for spec: AppSpec, _ db: any SQLTransaction) throws -> AppChange {
        guard let stored = try db.rows("SELECT spec, deletedAt FROM app WHERE name = ?", .text(spec.name)).first else {
            return .created
        }
        if stored.optionalString("deletedAt") != nil { return .restored }
        return try AppSpec.fromCanonicalJSON(try stored.string("spec")).canonicalJSON() == spec.canonicalJSON()
            ? .unchanged : .updated
    }

    // MARK: - Summaries

    /// The `app` columns that keep what `AppSummary` holds besides the name.
    static let summaryColumns = ["team", "pattern", "model", "regions", "stage"]

    /// `summary`'s values for `summaryColumns`, in their order (the Regions as a JSON array).
    static func summaryValues(_ summary: AppSummary) throws -> [SQLValue] {
        [.text(summary.team), .text(summary.pattern.rawValue), SQLValue(summary.model), try json(summary.regions),
         SQLValue(summary.stage)]
    }

    /// Every app row (deleted ones too) whose summary columns are not what its spec makes, by
    /// name: `apply` and the upgrade write both together, so a difference is a change made
    /// behind deploycat's back, which `apps list` would show. Read `pageSize` apps at a time
    /// (`name > ?` and `ORDER BY name` in the same collation, so no row is skipped or repeated).
    public func summaryMismatches(pageSize: Int = 1000) throws -> [AppSummaryMismatch] {
        var mismatches: [AppSummaryMismatch] = []
        var after: String?
        while true {
            let page = try engine.read { db in
                try db.rows("""
                    SELECT name, spec, deletedAt, \(Self.summaryColumns.joined(separator: ", ")) FROM app
                    \(after == nil ? "" : "WHERE name > ? ")ORDER BY name LIMIT ?
                    """, (after.map { [SQLValue.text($0)] } ?? []) + [SQLValue(max(pageSize, 1))])
            }
            for row in page {
                let (name, deleted) = (try row.string("name"), row.optionalString("deletedAt") != nil)
                let mismatch = { (fields: [String], problem: String?) in
                    AppSummaryMismatch(app: name, deleted: deleted, fields: fields, problem: problem)
                }
                let expected: AppSummary
                do {
                    expected = try AppSpec.fromCanonicalJSON(try row.string("spec")).summary
                } catch {
                    mismatches.append(mismatch(["spec"], "its spec cannot be read: \(Self.decodingProblem(error))"))
                    continue
                }
                do {
                    let fields = try Self.appSummary(row).fields(differingFrom: expected)
                    if !fields.isEmpty { mismatches.append(mismatch(fields, nil)) }
                } catch let error as SQLRowError {
                    // A damaged value: the error names the column and what it holds.
                    mismatches.append(mismatch([String(error.column.split(separator: ".").last ?? "")], "\(error)"))
                }
            }
            guard page.count >= max(pageSize, 1), let last = page.last else { break }
            after = try last.string("name")
        }
        return mismatches.sorted { $0.app < $1.app }
    }

    /// A stored spec's decoding error in a line: the field and what is wrong with it.
    private static func decodingProblem(_ error: any Error) -> String {
        switch error as? DecodingError {
        case let .keyNotFound(key, context)?:
            (context.codingPath + [key]).map(\.stringValue).joined(separator: ".") + " is missing"
        case let .typeMismatch(_, context)?, let .valueNotFound(_, context)?, let .dataCorrupted(context)?:
            (context.codingPath.isEmpty ? "" : context.codingPath.map(\.stringValue).joined(separator: ".") + ": ")
                + (context.debugDescription.split(separator: "\n").first.map(String.init) ?? "")
        default: "\(error)"
        }
    }

    static func appSummary(_ row: SQLRow) throws -> AppSummary {
        AppSummary(name: try row.string("name"), team: try row.string("team"), pattern: try row.value("pattern", of: "app"),
                   model: row.optionalString("model"), regions: try row.strings("regions", of: "app"),
                   stage: row.optionalString("stage"))
    }

    static func storedApp(_ row: SQLRow) throws -> StoredApp {
        StoredApp(spec: try AppSpec.fromCanonicalJSON(try row.string("spec")), specRevision: try row.int("specRevision"),
                  source: try row.string("source"), updatedAt: try row.string("updatedAt"),
                  deletedAt: row.optionalString("deletedAt"))
    }
}

extension [SQLRow] {
    /// The apps in these `app` rows, their specs decoded over the machine's cores: decoding is
    /// most of the time a command spends reading thousands of apps.
    func storedApps() throws -> [StoredApp] {
        try Parallel.map(self, SQLCatalogRepository.storedApp)
    }
}
