import CatalogModel
import CatalogStore
import CatalogTestSupport
import Foundation
import GRDB
import Testing

/// Opening catalogs written by older deploycats: before batch facts and SageMaker models
/// (migration 0005), before regeneration (0006), before tag policy and defaults (0007).
@Suite struct UpgradeTests {
    /// Turns a current catalog file back into what deploycat wrote before migration 0007. It
    /// makes `templateDependency_current` again without `templateVersionId`, so 0012 and 0013 run again.
    static let before0007 = """
        DROP TABLE tagDefault;
        DROP TABLE tagPolicyKey;
        ALTER TABLE templateVersion DROP COLUMN tags;
        CREATE TEMP TABLE dependencyCopy AS SELECT * FROM templateDependency WHERE kind NOT IN ('tagDefaults', 'tagPolicy');
        DROP TABLE templateDependency;
        CREATE TABLE templateDependency (
            templateVersionId INTEGER NOT NULL REFERENCES templateVersion(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('model', 'sagemakerModel', 'profile', 'geography', 'region', 'app')),
            ref TEXT NOT NULL, current INTEGER NOT NULL DEFAULT 0 CHECK (current IN (0, 1)), revision INTEGER,
            PRIMARY KEY (templateVersionId, kind, ref)
        );
        CREATE INDEX templateDependency_ref ON templateDependency(kind, ref);
        CREATE INDEX templateDependency_current ON templateDependency(kind, ref) WHERE current = 1;
        INSERT INTO templateDependency SELECT * FROM dependencyCopy;
        DROP TABLE dependencyCopy;
        DELETE FROM grdb_migrations WHERE identifier = '0007_tag_policy_and_defaults';
        DELETE FROM grdb_migrations WHERE identifier = '0012_cover_current_dependencies';
        DELETE FROM grdb_migrations WHERE identifier = '0013_drop_dependency_ref_index';
        """

    /// Turns a current catalog file back into what deploycat wrote before migration 0006.
    static let before0006 = before0007 + """

        DROP INDEX templateVersion_latest;
        DROP INDEX templateVersion_latestCatalogRevision;
        DROP INDEX templateDependency_current;
        DROP INDEX app_team;
        DROP TABLE appRegion;
        ALTER TABLE templateVersion DROP COLUMN reason;
        ALTER TABLE templateVersion DROP COLUMN latest;
        ALTER TABLE templateVersion DROP COLUMN upToDateCatalogRevision;
        ALTER TABLE templateVersion DROP COLUMN upToDateSpecRevision;
        ALTER TABLE templateDependency DROP COLUMN current;
        ALTER TABLE templateDependency DROP COLUMN revision;
        ALTER TABLE catalogChange DROP COLUMN kind;
        ALTER TABLE catalogChange DROP COLUMN ref;
        DELETE FROM grdb_migrations WHERE identifier = '0006_regeneration';
        """

    /// Turns a current catalog file back into what deploycat wrote before migration 0005.
    static let before0005 = before0006 + """

        ALTER TABLE foundationModel DROP COLUMN batch;
        ALTER TABLE modelPrice DROP COLUMN batchInputPer1k;
        ALTER TABLE modelPrice DROP COLUMN batchOutputPer1k;
        DROP TABLE sagemakerModel;
        CREATE TEMP TABLE dependencyCopy AS SELECT * FROM templateDependency;
        DROP TABLE templateDependency;
        CREATE TABLE templateDependency (
            templateVersionId INTEGER NOT NULL REFERENCES templateVersion(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('model', 'profile', 'geography', 'region', 'app')),
            ref TEXT NOT NULL,
            PRIMARY KEY (templateVersionId, kind, ref)
        );
        CREATE INDEX templateDependency_ref ON templateDependency(kind, ref);
        INSERT INTO templateDependency SELECT * FROM dependencyCopy;
        DROP TABLE dependencyCopy;
        DELETE FROM grdb_migrations WHERE identifier = '0005_add_batch_and_sagemaker_models';
        """

    @Test func aCatalogFromBeforeTagDefaultsFindsItsCurrentTemplatesWhenDefaultsOrThePolicyChange() throws {
        // Given a catalog file as deploycat wrote it before 0007: an app tagged cost-center, one version
        let folder = try TemporaryDirectory()
        let path = folder.path("catalog.sqlite")
        let catalog = try SQLiteCatalog.open(path: path)
        // (the profile's own tags are in its spec alone)
        let spec = AppSpec(name: "chat", team: "cx", regions: ["us-east-1"], tags: TagMap(["cost-center": "CX-1"]),
                           properties: .applicationInferenceProfile(ApplicationInferenceProfileProperties(
                               tags: TagMap(["tier": "gold"]))))
        _ = try catalog.applySpecs([(spec, "chat.yaml")], checked: nil, recheck: nil, at: Date())
        _ = try catalog.recordTemplates([TemplateCandidate(
            app: "chat", region: "us-east-1", sha256: String(repeating: "a", count: 64), compactBody: "a",
            catalogRevision: 1, specRevision: 1, dependencies: TemplateDependencies(regions: ["us-east-1"]))])
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: Self.before0007) }
        try queue.close()

        // When it is opened, and the team's defaults and the policy's spelling of its key change
        let upgraded = try SQLiteCatalog.open(path: path)
        #expect(try SQLiteCatalog.schema(of: upgraded) == (try SQLiteCatalog.schema(of: SQLiteCatalog.inMemory())))
        #expect(try upgraded.templateVersions(app: "chat").map(\.tags) == [nil])
        try upgraded.update(origin: "test") { $0.tagDefaults[team: "cx"] = TagMap(["owner": "ana"]) }
        try upgraded.update(origin: "test") { $0.tagPolicy = TagPolicy(keys: [TagPolicy.Key(key: "Cost-Center")]) }
        try upgraded.update(origin: "test") { $0.tagDefaults[team: "other"] = TagMap(["owner": "bo"]) }
        try upgraded.update(origin: "test") { $0.tagPolicy.keys["tier"] = TagPolicy.Key(key: "Tier") }

        // Then the version it kept is stale for the first two, not for another team's defaults
        let rebuild = try upgraded.rebuild(RebuildScope(staleOnly: true), at: Date(), dryRun: true) { _, _ in BuiltCandidates([]) }
        #expect(rebuild.work.templates.map(\.reason) == [
            "catalog rev 2: tag defaults of team cx +owner=ana; catalog rev 3: tag policy key cost-center added: Cost-Center; "
                + "catalog rev 5: tag policy key tier added: Tier",
        ])
    }

    @Test func aCatalogFromBeforeRegenerationLearnsWhichVersionsAreCurrentAndWhatEachChangeIsAbout() throws {
        // Given a catalog file as deploycat wrote it before 0006: two versions in us-east-1, one
        // in us-west-2, then a change to the profile they were built from
        let folder = try TemporaryDirectory()
        let path = folder.path("catalog.sqlite")
        let catalog = try SQLiteCatalog.open(path: path)
        let spec = AppSpec(name: "chat", team: "cx", regions: ["us-east-1", "us-west-2"],
                           properties: .applicationInferenceProfile(ApplicationInferenceProfileProperties()))
        _ = try catalog.applySpecs([(spec, "chat.yaml")])
        let profile = "us.amazon.nova-pro-v1:0"
        let dependencies = TemplateDependencies(profiles: [profile], regions: ["us-east-1"])
        for (region, body) in [("us-east-1", "a"), ("us-east-1", "b"), ("us-west-2", "c")] {
            _ = try catalog.recordTemplates([TemplateCandidate(
                app: "chat", region: region, sha256: String(repeating: body, count: 64), compactBody: body,
                catalogRevision: 1, specRevision: 1, dependencies: dependencies)])
        }
        try catalog.update(origin: "test") { $0.profiles[profile]?.name = "US Nova Pro (renamed)" }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: Self.before0006) }
        try queue.close()

        // When it is opened
        let upgraded = try SQLiteCatalog.open(path: path)

        // Then its schema is a new catalog's, the newest version of each Region is the latest,
        // older versions record no reason, and the logged change finds the templates built before it
        #expect(try SQLiteCatalog.schema(of: upgraded) == (try SQLiteCatalog.schema(of: SQLiteCatalog.inMemory())))
        #expect(try upgraded.latestVersions().map { "\($0.region) v\($0.version)" } == ["us-east-1 v2", "us-west-2 v1"])
        #expect(try upgraded.templateVersions(app: "chat").allSatisfy { $0.reason.isEmpty })
        let rebuild = try upgraded.rebuild(RebuildScope(staleOnly: true), at: Date(), dryRun: true) { _, _ in BuiltCandidates([]) }
        #expect(rebuild.work.templates.map { "\($0.region) v\($0.current?.version ?? 0): \($0.reason)" } == [
            "us-east-1 v2: catalog rev 2: profile \(profile) name \"US Nova Pro\" -> \"US Nova Pro (renamed)\"",
            "us-west-2 v1: catalog rev 2: profile \(profile) name \"US Nova Pro\" -> \"US Nova Pro (renamed)\"",
        ])
    }

    @Test func anOlderCatalogKeepsItsDataAndLearnsNoBatchFactsItWasNotGiven() throws {
        // Given a catalog file as an older deploycat wrote it, with a template and its dependencies
        let folder = try TemporaryDirectory()
        let path = folder.path("catalog.sqlite")
        let catalog = try SQLiteCatalog.open(path: path)
        let spec = AppSpec(name: "chat", team: "cx", regions: ["us-east-1"],
                           properties: .applicationInferenceProfile(ApplicationInferenceProfileProperties()))
        _ = try catalog.applySpecs([(spec, "chat.yaml")])
        let dependencies = TemplateDependencies(models: ["amazon.nova-pro-v1:0"], profiles: ["us.amazon.nova-pro-v1:0"],
                                                geographies: ["us"], regions: ["us-east-1", "us-west-2"])
        _ = try catalog.recordTemplates([TemplateCandidate(
            app: "chat", region: "us-east-1", sha256: String(repeating: "a", count: 64), compactBody: "a",
            catalogRevision: 1, specRevision: 1, dependencies: dependencies)])
        let prices = try catalog.snapshot().models.mapValues { $0.price.map { [$0.inputPer1k, $0.outputPer1k] } }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: Self.before0005) }
        try queue.close()

        // When it is opened
        let upgraded = try SQLiteCatalog.open(path: path)

        // Then its schema is a new catalog's, its templates keep their dependencies (and learn the
        // tag defaults they inherit), and no revision is made
        #expect(try SQLiteCatalog.schema(of: upgraded) == (try SQLiteCatalog.schema(of: SQLiteCatalog.inMemory())))
        var upgradedDependencies = dependencies
        upgradedDependencies.tagDefaults = ["*", "cx"]
        #expect(try upgraded.templateVersions(app: "chat").map(\.dependencies) == [upgradedDependencies])
        #expect(try upgraded.revision() == 1)
        // And batch support and batch prices are unknown (the default catalog loads only into a new
        // database), while the on-demand prices stay as they were
        let snapshot = try upgraded.snapshot()
        #expect(snapshot.models.values.allSatisfy { $0.batch == nil && $0.batchPrice == nil })
        #expect(snapshot.models.mapValues { $0.price.map { [$0.inputPer1k, $0.outputPer1k] } } == prices)
        #expect(snapshot.sagemakerModels.isEmpty)
        // And SageMaker models and their dependencies can be stored from now on
        try upgraded.update(origin: "test") { snapshot in
            snapshot.sagemakerModels["churn"] = SageMakerModel(
                name: "churn", image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7")
        }
        _ = try upgraded.recordTemplates([TemplateCandidate(
            app: "chat", region: "us-east-1", sha256: String(repeating: "b", count: 64), compactBody: "b",
            catalogRevision: 2, specRevision: 1,
            dependencies: TemplateDependencies(sagemakerModels: ["churn"], regions: ["us-east-1"]))])
        #expect(try upgraded.appsUsing(model: "churn", kind: .sagemakerModel) == ["chat"])
    }
}
