import CatalogModel
import CatalogStore
import CatalogTestSupport
import Foundation
import GRDB
import Testing

/// The tag report reads the `appTag` table, which holds every tag an app's resources carry.
@Suite struct TagUsageTests {
    static let properties = PatternProperties.applicationInferenceProfile(ApplicationInferenceProfileProperties())
    static let specs = [
        AppSpec(name: "chat", team: "cx", regions: ["us-east-1"], stage: "prod",
                tags: TagMap(["cost-center": "42", "owner": "ana"]), properties: properties),
        AppSpec(name: "search", team: "cx", regions: ["us-east-1"], tags: TagMap(["cost-center": "42"]),
                properties: properties),
        AppSpec(name: "gone", team: "ops", regions: ["us-east-1"], tags: TagMap(["owner": "bo"]), properties: properties),
    ]

    /// What the report said when it was computed from the live apps' specs.
    static func fromSpecs(_ specs: [AppSpec]) -> [TagUsage] {
        var apps: [[String]: [String]] = [:]
        for spec in specs {
            for (key, value) in CatalogSnapshot().effectiveTags(of: spec).values { apps[[key, value], default: []].append(spec.name) }
        }
        return apps.map { TagUsage(key: $0.key[0], value: $0.key[1], apps: $0.value.sorted()) }
            .sorted { ($0.key, $0.value) < ($1.key, $1.value) }
    }

    static let expected = [
        TagUsage(key: "cost-center", value: "42", apps: ["chat", "search"]),
        TagUsage(key: "deploycat:app", value: "chat", apps: ["chat"]),
        TagUsage(key: "deploycat:app", value: "search", apps: ["search"]),
        TagUsage(key: "deploycat:stage", value: "prod", apps: ["chat"]),
        TagUsage(key: "deploycat:team", value: "cx", apps: ["chat", "search"]),
        TagUsage(key: "owner", value: "ana", apps: ["chat"]),
    ]

    @Test(arguments: Engine.available) func liveAppsTagsIncludingDeploycatsOwn(engine: Engine) throws {
        // Given three apps, one of them deleted
        let catalog = try engine.newCatalog()
        _ = try catalog.applySpecs(Self.specs.map { ($0, "\($0.name).yaml") })
        try catalog.deleteApp(named: "gone")
        // Then the report lists the live apps' tags, as computing them from the specs does
        #expect(try catalog.tagUsage() == Self.expected)
        #expect(Self.expected == Self.fromSpecs(Array(Self.specs.prefix(2))))
    }

    @Test(arguments: Engine.available) func aChangedSpecReplacesItsTags(engine: Engine) throws {
        let catalog = try engine.newCatalog()
        _ = try catalog.applySpecs(Self.specs.map { ($0, "\($0.name).yaml") })
        var chat = Self.specs[0]
        chat.stage = nil
        chat.tags = TagMap(["owner": "bo"])
        _ = try catalog.applySpecs([(chat, "chat.yaml")])
        #expect(try catalog.tagUsage() == Self.fromSpecs([chat] + Self.specs.dropFirst()))
    }

    @Test func upgradingACatalogFillsInDeploycatsTags() throws {
        // Given a catalog file as deploycat wrote it before appTag held deploycat's own tags
        let folder = try TemporaryDirectory()
        let path = folder.path("catalog.sqlite")
        let catalog = try SQLiteCatalog.open(path: path)
        _ = try catalog.applySpecs(Self.specs.map { ($0, "\($0.name).yaml") })
        try catalog.deleteApp(named: "gone")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                DELETE FROM appTag WHERE key LIKE 'deploycat:%';
                DROP INDEX appTag_key;
                DELETE FROM grdb_migrations WHERE identifier = '0004_index_app_tags';
                """)
        }
        try queue.close()
        // When it is opened
        let upgraded = try SQLiteCatalog.open(path: path)
        // Then the report is what it was, and every app's rows, deleted ones too, are its resources' tags
        #expect(try upgraded.tagUsage() == Self.expected)
        let rows = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT appName, key, value FROM appTag ORDER BY appName, key")
                .map { "\($0["appName"] as String) \($0["key"] as String)=\($0["value"] as String)" }
        }
        let expectedRows = Self.specs.sorted { $0.name < $1.name }.flatMap { spec in
            CatalogSnapshot().effectiveTags(of: spec).values.sorted { $0.key < $1.key }.map { "\(spec.name) \($0.key)=\($0.value)" }
        }
        #expect(rows == expectedRows)
    }
}
