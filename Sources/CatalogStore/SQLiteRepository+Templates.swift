import CatalogModel
import Foundation
internal import GRDB

/// Template versions: record, list, and which apps use which models.
extension SQLiteRepository {
    /// Records each candidate whose text differs from the latest version of its app and
    /// Region, with its dependencies and revisions, in one transaction. A candidate built from
    /// an older spec or catalog revision than the latest version's is not stored (superseded):
    /// the check runs inside the write transaction, so concurrent commands cannot reorder versions.
    public func recordTemplates(_ candidates: [TemplateCandidate], at date: Date) throws -> [RecordedTemplate] {
        let apps = Set(candidates.map(\.app)).sorted()
        // Nothing new: answer from a read, without opening the pool (the file stays untouched).
        let latest = try translatingDatabaseErrors(path: path) {
            try reader.read { db in try Self.latestVersionsByPlace(apps: apps, db) }
        }
        let previous = candidates.map { latest[Place($0)] }
        if zip(candidates, previous).allSatisfy({ $1?.sha256 == $0.sha256 }) {
            return previous.compactMap { $0.map { RecordedTemplate(version: $0, outcome: .unchanged) } }
        }
        return try translatingDatabaseErrors(path: path) {
            try writer().write { db in
                // Read again inside the transaction, then kept current as versions are added.
                var latest = try Self.latestVersionsByPlace(apps: apps, db)
                return try candidates.map { candidate in
                    let previous = latest[Place(candidate)]
                    if let previous, previous.sha256 == candidate.sha256 {
                        return RecordedTemplate(version: previous, outcome: .unchanged)
                    }
                    if let previous, candidate.specRevision < previous.specRevision
                        || candidate.catalogRevision < previous.catalogRevision {
                        return RecordedTemplate(version: previous, outcome: .superseded)
                    }
                    var record = TemplateVersionRecord(
                        id: nil, appName: candidate.app, region: candidate.region, version: (previous?.version ?? 0) + 1,
                        sha256: candidate.sha256, body: candidate.body, catalogRevision: candidate.catalogRevision,
                        specRevision: candidate.specRevision, createdAt: Self.timestamp(date))
                    try record.insert(db)
                    let entries = candidate.dependencies.entries
                    for (kind, ref) in entries {
                        try TemplateDependencyRecord(templateVersionId: record.id!, kind: kind, ref: ref).insert(db)
                    }
                    let version = Self.version(record, dependencies: TemplateDependencies(entries: entries))
                    latest[Place(candidate)] = version
                    return RecordedTemplate(version: version, outcome: .new)
                }
            }
        }
    }

    /// Every version of an app's templates, by Region then version.
    public func templateVersions(app: String) throws -> [TemplateVersion] {
        try translatingDatabaseErrors(path: path) {
            try reader.read { db in
                try Self.versions(TemplateVersionRecord.filter(TemplateVersionRecord.Columns.appName == app)
                    .order(TemplateVersionRecord.Columns.region, TemplateVersionRecord.Columns.version)
                    .fetchAll(db), db)
            }
        }
    }

    /// The newest version of each app and Region, by app then Region.
    public func latestVersions() throws -> [TemplateVersion] {
        try translatingDatabaseErrors(path: path) {
            try reader.read { db in try Self.latestVersions(apps: nil, db) }
        }
    }

    /// True for a `templateVersion` row `t` that is the latest version of its app and Region.
    private static let isLatestVersion = """
        t.version = (SELECT MAX(version) FROM templateVersion WHERE appName = t.appName AND region = t.region)
        """

    /// The newest version of each app and Region, of `apps` only when given, by app then Region.
    private static func latestVersions(apps: [String]?, _ db: Database) throws -> [TemplateVersion] {
        var sql = "SELECT t.* FROM templateVersion t WHERE \(isLatestVersion)"
        var arguments: StatementArguments = []
        if let apps {
            sql += " AND t.appName IN (SELECT value FROM json_each(?))"
            arguments = [try jsonArgument(apps)]
        }
        sql += " ORDER BY t.appName, t.region"
        return try versions(TemplateVersionRecord.fetchAll(db, sql: sql, arguments: arguments), db)
    }

    /// An app and one of its Regions: where a template is deployed.
    private struct Place: Hashable {
        var app: String
        var region: String
        init(_ candidate: TemplateCandidate) { (app, region) = (candidate.app, candidate.region) }
        init(_ version: TemplateVersion) { (app, region) = (version.app, version.region) }
    }

    private static func latestVersionsByPlace(apps: [String], _ db: Database) throws -> [Place: TemplateVersion] {
        Dictionary(try latestVersions(apps: apps, db).map { (Place($0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The dependencies of live apps' current templates: the latest version of each app and Region
    /// its spec still names. `d` is the dependency, `t` the version, `a` the app; a query adds its
    /// own `AND ...` conditions after it.
    private static let currentTemplateDependencies = """
        FROM templateDependency d
        JOIN templateVersion t ON t.id = d.templateVersionId
        JOIN app a ON a.name = t.appName AND a.deletedAt IS NULL
        WHERE \(isLatestVersion)
          AND EXISTS (SELECT 1 FROM json_each(a.spec, '$.regions') WHERE value = t.region)
        """

    /// The current templates (see `currentTemplateDependencies`) built from any of the changed
    /// catalog entries, as (app, Region) pairs sorted by app then Region. A change's kind (`model`,
    /// `sagemakerModel`, `profile`, `geography`, `region`) is the dependency kind it matches.
    public func templatesBuilt(from changes: [CatalogChange]) throws -> [(app: String, region: String)] {
        // The changed entries as a JSON list of [kind, key] pairs, matched in SQL through json_each.
        let refs = Set(changes.map { [$0.kind.rawValue, $0.key] }).sorted { $0.joined() < $1.joined() }
        guard !refs.isEmpty else { return [] }
        return try translatingDatabaseErrors(path: path) {
            try reader.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT DISTINCT t.appName AS app, t.region AS region
                    \(Self.currentTemplateDependencies)
                      AND EXISTS (SELECT 1 FROM json_each(?) j
                                  WHERE json_extract(j.value, '$[0]') = d.kind AND json_extract(j.value, '$[1]') = d.ref)
                    ORDER BY app, region
                    """, arguments: [try Self.jsonArgument(refs)])
                    .map { (app: $0["app"] as String, region: $0["region"] as String) }
            }
        }
    }

    /// Live apps whose latest template in some Region uses the model: a Bedrock model (directly
    /// or through a profile) or, with `kind` `.sagemakerModel`, a SageMaker model.
    public func appsUsing(model: String, kind: EntityKind) throws -> [String] {
        try modelUsage(kind: kind)[model] ?? []
    }

    /// Model id (or, with `kind` `.sagemakerModel`, SageMaker model name) -> live apps whose
    /// latest templates use it, sorted.
    public func modelUsage(kind: EntityKind) throws -> [String: [String]] {
        try translatingDatabaseErrors(path: path) {
            try reader.read { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT DISTINCT d.ref AS model, t.appName AS app
                    \(Self.currentTemplateDependencies)
                      AND d.kind = ?
                    ORDER BY model, app
                    """, arguments: [kind.rawValue])
                return Dictionary(grouping: rows, by: { $0["model"] as String }).mapValues { $0.map { $0["app"] as String } }
            }
        }
    }

    /// The versions of `records`, their dependencies read in one query.
    private static func versions(_ records: [TemplateVersionRecord], _ db: Database) throws -> [TemplateVersion] {
        guard !records.isEmpty else { return [] }
        let dependencies = try TemplateDependencyRecord.fetchAll(db, sql: """
            SELECT * FROM templateDependency WHERE templateVersionId IN (SELECT value FROM json_each(?))
            """, arguments: [try jsonArgument(records.compactMap(\.id))])
        let byVersion = Dictionary(grouping: dependencies, by: \.templateVersionId)
        return records.map { record in
            version(record, dependencies: TemplateDependencies(
                entries: (record.id.flatMap { byVersion[$0] } ?? []).map { (kind: $0.kind, ref: $0.ref) }))
        }
    }

    private static func version(_ record: TemplateVersionRecord, dependencies: TemplateDependencies) -> TemplateVersion {
        TemplateVersion(
            app: record.appName, region: record.region, version: record.version, sha256: record.sha256, body: record.body,
            catalogRevision: record.catalogRevision, specRevision: record.specRevision, createdAt: record.createdAt,
            dependencies: dependencies)
    }

    /// A value as JSON text, bound to a `json_each(?)` so a list is one argument whatever its length.
    private static func jsonArgument(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}
