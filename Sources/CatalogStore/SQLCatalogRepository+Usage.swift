import CatalogModel
import Foundation

/// Usage: which live apps' current templates were built from a catalog entry, and which of
/// their Regions have none yet. Template bodies are never read here.
extension SQLCatalogRepository {
    /// Live apps' current templates built from `ref` of `kind` (any entry of `kind` when `ref`
    /// is nil), with their dependencies of `kinds`, by app, Region, then ref; of the apps of
    /// `team` and of `pattern` only, when given (a narrow list reads only its own templates).
    ///
    /// The current dependencies' index (`templateDependency_current`, by kind then ref) finds
    /// the dependency rows, each leading to its version by id; the versions' other dependencies
    /// come through the primary key (templateVersionId, kind, ref).
    public func currentTemplates(
        builtFrom kind: EntityKind, ref: String?, including kinds: [EntityKind], team: String?, pattern: PatternKind?
    ) throws -> [CurrentTemplate] {
        try engine.read { db in
            let conditions: [(sql: String, value: SQLValue)] = [
                ref.map { (" AND d.ref = ?", .text($0)) }, team.map { (" AND a.team = ?", .text($0)) },
                pattern.map { (" AND a.pattern = ?", .text($0.rawValue)) },
            ].compactMap { $0 }
            let rows = try db.rows("""
                SELECT t.id AS id, t.appName AS app, t.region AS region, t.version AS version, a.team AS team,
                       a.pattern AS pattern, d.ref AS ref
                \(Self.currentTemplateDependencies)
                  AND d.kind = ?\(conditions.map(\.sql).joined())
                ORDER BY \(db.dialect.byteOrder("t.appName", "t.region", "d.ref"))
                """, [.text(kind.rawValue)] + conditions.map(\.value))
            let ids = try rows.map { try $0.int("id") }
            let dependencies = try Self.dependencies(of: ids, kinds: kinds, db)
            return try rows.map { row in
                CurrentTemplate(
                    app: try row.string("app"), team: try row.string("team"), pattern: try row.value("pattern", of: "app"),
                    region: try row.string("region"), version: try row.int("version"), ref: try row.string("ref"),
                    dependencies: TemplateDependencies(entries: dependencies[try row.int("id")] ?? []))
            }
        }
    }

    /// Live apps' Regions (as their specs name them, `appRegion`) that have no template version
    /// yet, by app then Region: each is looked up through the UNIQUE (appName, region, version) index.
    public func unsynthesizedRegions() throws -> [(app: String, region: String)] {
        try engine.read { db in
            try db.rows("""
                SELECT a.name AS app, r.region AS region
                FROM app a JOIN appRegion r ON r.appName = a.name
                WHERE a.deletedAt IS NULL
                  AND NOT EXISTS (SELECT 1 FROM templateVersion t WHERE t.appName = a.name AND t.region = r.region)
                ORDER BY \(db.dialect.byteOrder("a.name", "r.region"))
                """).map { (app: try $0.string("app"), region: try $0.string("region")) }
        }
    }

    /// The dependencies of `kinds` of the versions `ids`, by version id; none read when either is empty.
    private static func dependencies(
        of ids: [Int], kinds: [EntityKind], _ db: any SQLTransaction
    ) throws -> [Int: [(kind: EntityKind, ref: String)]] {
        guard !ids.isEmpty, !kinds.isEmpty else { return [:] }
        let rows = try db.rows("""
            SELECT templateVersionId, kind, ref FROM templateDependency
            WHERE templateVersionId IN (\(db.dialect.integerList)) AND kind IN (\(db.dialect.textList))
            """, try json(Array(Set(ids)).sorted()), try json(kinds.map(\.rawValue)))
        var found: [Int: [(kind: EntityKind, ref: String)]] = [:]
        for row in rows {
            let kind: EntityKind = try row.value("kind", of: "templateDependency")
            found[try row.int("templateVersionId"), default: []].append((kind: kind, ref: try row.string("ref")))
        }
        return found
    }
}
