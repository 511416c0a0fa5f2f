import CatalogModel
import Foundation

/// Template history over every live app at once, for reports that show all apps: one query
/// each, however many apps there are.
extension SQLCatalogRepository {
    /// Every version of every live app's templates, by app, Region then version, without
    /// bodies (`body` is empty) or dependencies: a listing.
    public func versionListing() throws -> [TemplateVersion] {
        try engine.read { db in
            try db.rows("""
                SELECT t.appName, t.region, t.version, t.sha256, t.catalogRevision, t.specRevision, t.createdAt, t.reason
                FROM templateVersion t JOIN app a ON a.name = t.appName AND a.deletedAt IS NULL
                ORDER BY \(db.dialect.byteOrder("t.appName", "t.region")), t.version
                """).map { row in
                TemplateVersion(
                    app: try row.string("appName"), region: try row.string("region"), version: try row.int("version"),
                    sha256: try row.string("sha256"), body: "", catalogRevision: try row.int("catalogRevision"),
                    specRevision: try row.int("specRevision"), createdAt: try row.string("createdAt"),
                    reason: try row.string("reason"), dependencies: TemplateDependencies())
            }
        }
    }

    /// The `count` newest versions of each Region of every live app (those of Regions its
    /// spec no longer names too), with dependencies, and bodies where a Region has more than one
    /// version (`body` is empty otherwise), by app, Region then version.
    public func newestVersions(perRegion count: Int) throws -> [TemplateVersion] {
        try engine.read { db in
            // A Region with one version has no change to show: its body is left out (most of a
            // large catalog's bytes).
            try Self.versions(db.rows("""
                SELECT t.id, t.appName, t.region, t.version, t.sha256, CASE WHEN l.version > 1 THEN b.body ELSE '' END AS body,
                       t.catalogRevision, t.specRevision, t.createdAt, t.reason, t.upToDateCatalogRevision,
                       t.upToDateSpecRevision, t.tags
                FROM templateVersion t \(Self.joinBody)
                JOIN templateVersion l ON l.appName = t.appName AND l.region = t.region AND l.latest = 1
                JOIN app a ON a.name = t.appName AND a.deletedAt IS NULL
                WHERE t.version > l.version - ?
                ORDER BY \(db.dialect.byteOrder("t.appName", "t.region")), t.version
                """, .integer(Int64(count))), db)
        }
    }
}
