import CatalogModel
@testable import CatalogService
import CatalogStore
import CatalogTestSupport
import Foundation
import GRDB
import Testing

/// `apps list` reads each app's summary from columns kept beside its spec (migration 0011): they
/// must say what the spec says, for every pattern, after every apply, and in a catalog that an
/// older deploycat wrote before the columns existed.
@Suite struct AppSummaryTests {
    let examples = PackagePaths.root.appendingPathComponent("examples").path

    /// The summaries a list reads, and what the live specs say, by name.
    static func listed(_ apps: AppService, _ filter: AppService.AppFilter = .init()) throws -> (read: [AppSummary], specs: [AppSummary]) {
        (try apps.appSummaries(matching: filter), try apps.apps(matching: filter).map(\.spec.summary))
    }

    @Test(arguments: Engine.available) func summariesSayWhatTheSpecsSay(engine: Engine) throws {
        let store = try engine.newCatalog()
        let apps = AppService(repository: store)
        _ = try apps.apply(paths: [examples])
        _ = try apps.synth(apps: [])

        let all = try Self.listed(apps)
        #expect(all.read == all.specs)
        #expect(Set(all.read.map(\.pattern)) == Set(PatternKind.allCases))
        // A batch app that names a cross-Region profile lists the model behind it.
        #expect(all.read.first { $0.name == "claims-batch" }?.model == "amazon.nova-pro-v1:0")
        #expect(all.read.contains { $0.regions.count > 1 } && all.read.contains { $0.stage == nil })

        for filter in [AppService.AppFilter(model: "amazon.nova-pro-v1:0"), AppService.AppFilter(team: "finance"),
                       AppService.AppFilter(region: "eu-west-1")] {
            let some = try Self.listed(apps, filter)
            #expect(some.read == some.specs && !some.read.isEmpty && some.read.count < all.read.count)
        }
        let routes = try apps.routedAppSummaries(matching: .init(routesTo: "us-west-2"))
        #expect(routes.map(\.app) == (try apps.routedApps(matching: .init(routesTo: "us-west-2"))).map(\.app.spec.summary))
        #expect(!routes.isEmpty && routes.allSatisfy { !$0.routes.isEmpty })
        // A team and a pattern narrow the routes read to the same apps and routes as narrowing after.
        for team in Set(routes.map(\.app.team)) {
            for pattern in [nil] + Set(routes.map(\.app.pattern)).sorted(by: { $0.rawValue < $1.rawValue }) {
                let narrowed = try apps.routedAppSummaries(matching: .init(team: team, pattern: pattern, routesTo: "us-west-2"))
                let expected = routes.filter { $0.app.team == team && (pattern == nil || $0.app.pattern == pattern) }
                #expect(narrowed.map(\.app) == expected.map(\.app) && narrowed.map(\.routes) == expected.map(\.routes))
            }
        }

        // An apply that changes the Regions' order and the stage changes the summary with the spec.
        var spec = try #require(try store.app(named: "support-chat")).spec
        spec.regions.reverse()
        spec.stage = "staging"
        _ = try store.applySpecs([(spec, "support-chat.yaml")])
        let changed = try #require(try apps.appSummaries(matching: .init(team: spec.team)).first { $0.name == spec.name })
        #expect(changed == spec.summary && changed.regions == spec.regions && changed.stage == "staging")
    }

    /// The examples applied into a new catalog, `partner-gateway` then deleted, and the catalog's
    /// tables reached behind deploycat's back.
    struct ExampleCatalog {
        let folder: TemporaryDirectory
        let engine: Engine
        let location: String
        let apps: AppService

        init(on engine: Engine, examples: String) throws {
            folder = try TemporaryDirectory()
            self.engine = engine
            location = engine == .sqlite ? folder.path("catalog.sqlite") : try TestPostgres.createDatabaseURL(prefix: "summary")
            apps = AppService(repository: try CatalogDatabase.open(location))
            _ = try apps.apply(paths: [examples])
            try apps.delete("partner-gateway")
        }

        /// The engine's table of applied migrations, and its id column.
        var migrations: (table: String, id: String) {
            engine == .sqlite ? ("grdb_migrations", "identifier") : ("deploycatMigration", "id")
        }

        /// Runs `sql` on the catalog directly.
        func execute(_ sql: String) throws {
            switch engine {
            case .sqlite: try DatabaseQueue(path: location).write { db in try db.execute(sql: sql) }
            case .postgres: try TestPostgres.execute(sql, in: TestPostgres.databaseName(of: location))
            }
        }

        /// The strings `sql` selects, one per row.
        func strings(_ sql: String) throws -> [String] {
            switch engine {
            case .sqlite: try DatabaseQueue(path: location).read { db in try String.fetchAll(db, sql: sql) }
            case .postgres: try TestPostgres.query(sql, in: TestPostgres.databaseName(of: location))
            }
        }
    }

    @Test(arguments: Engine.available) func aCatalogFromBeforeSummariesHasThemFilledFromItsSpecs(engine: Engine) throws {
        // Given a catalog as deploycat wrote it before migration 0011, with live apps and a deleted one
        let catalog = try ExampleCatalog(on: engine, examples: examples)
        let expected = try catalog.apps.apps().map(\.spec.summary)
        try catalog.execute("""
            ALTER TABLE app DROP COLUMN model;
            ALTER TABLE app DROP COLUMN regions;
            ALTER TABLE app DROP COLUMN stage;
            DELETE FROM \(catalog.migrations.table) WHERE \(catalog.migrations.id) = '0011_app_summary';
            """)

        // When today's deploycat opens it, the columns are added and filled from the specs
        let apps = AppService(repository: try CatalogDatabase.open(catalog.location))
        #expect(try apps.appSummaries() == expected)
        #expect(expected.count == 12 && expected.contains { $0.model != nil && $0.stage != nil })
        // The deleted app's row too
        let row = try catalog.strings("SELECT model || ' ' || regions || ' ' || stage FROM app WHERE name = 'partner-gateway'")
        #expect(row == [#"amazon.nova-lite-v1:0 ["ap-southeast-2"] prod"#])
    }

    @Test(arguments: Engine.available) func verifyNamesAppsWhoseListedFieldsDifferFromTheirSpecs(engine: Engine) throws {
        // Given the examples applied, a deleted app among them
        let catalog = try ExampleCatalog(on: engine, examples: examples)
        let apps = catalog.apps
        #expect(try apps.verify().summaryMismatches.isEmpty && apps.verify().passed)

        // When rows are changed behind deploycat's back
        try catalog.execute("""
            UPDATE app SET stage = 'qa', regions = '["eu-west-1"]' WHERE name = 'support-chat';
            UPDATE app SET model = NULL WHERE name = 'partner-gateway';
            UPDATE app SET regions = 'not json' WHERE name = 'claims-batch';
            UPDATE app SET spec = '{"name": 1}' WHERE name = 'review-sentiment';
            """)

        // Then verify fails and names each app with what differs (one page at a time too)
        let report = try apps.verify()
        #expect(!report.passed && report.mismatches.isEmpty && report.integrityProblems.isEmpty)
        #expect(report.summaryMismatches.map(\.app) == ["claims-batch", "partner-gateway", "review-sentiment", "support-chat"])
        #expect(report.summaryMismatches.map(\.fields) == [["regions"], ["model"], ["spec"], ["regions", "stage"]])
        #expect(report.summaryMismatches.map(\.deleted) == [false, true, false, false])
        #expect(report.summaryMismatches.map(\.problem) == [
            "column app.regions holds not json, which deploycat does not know", nil,
            "its spec cannot be read: name: Expected to decode String but found number instead.", nil,
        ])
        #expect(report.summaryMismatches.map(\.description)[1] == "partner-gateway (deleted): model")
        let store = try CatalogDatabase.open(catalog.location)
        #expect(try store.summaryMismatches(pageSize: 2) == report.summaryMismatches)
    }
}
