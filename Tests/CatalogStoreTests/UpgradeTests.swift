import CatalogModel
import CatalogStore
import CatalogTestSupport
import Foundation
import GRDB
import Testing

/// Opening a catalog written before batch facts and SageMaker models (migration 0005).
@Suite struct UpgradeTests {
    /// Turns a current catalog file back into what deploycat wrote before migration 0005.
    static let before0005 = """
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
            app: "chat", region: "us-east-1", sha256: String(repeating: "a", count: 64), body: "a",
            catalogRevision: 1, specRevision: 1, dependencies: dependencies)])
        let prices = try catalog.snapshot().models.mapValues { $0.price.map { [$0.inputPer1k, $0.outputPer1k] } }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: Self.before0005) }
        try queue.close()

        // When it is opened
        let upgraded = try SQLiteCatalog.open(path: path)

        // Then its schema is a new catalog's, its templates keep their dependencies, and no revision is made
        #expect(try SQLiteCatalog.schema(of: upgraded) == (try SQLiteCatalog.schema(of: SQLiteCatalog.inMemory())))
        #expect(try upgraded.templateVersions(app: "chat").map(\.dependencies) == [dependencies])
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
            app: "chat", region: "us-east-1", sha256: String(repeating: "b", count: 64), body: "b",
            catalogRevision: 2, specRevision: 1,
            dependencies: TemplateDependencies(sagemakerModels: ["churn"], regions: ["us-east-1"]))])
        #expect(try upgraded.appsUsing(model: "churn", kind: .sagemakerModel) == ["chat"])
    }
}
