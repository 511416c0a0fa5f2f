import CatalogStore
import Foundation
import Testing

@Suite struct SchemaTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func everyMigrationFileIsEmbeddedInOrder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.packageRoot.appendingPathComponent("migrations").path)
            .filter { $0.hasSuffix(".sql") }.map { String($0.dropLast(4)) }.sorted()
        #expect(Catalog.migrationIds == files)
    }

    /// The migrated schema equals `Snapshots/schema.sql`; a change to it is reviewed as a diff.
    /// With RECORD_SNAPSHOTS=1 (or no snapshot yet) the file is written and the test fails.
    @Test func theMigratedSchemaMatchesTheSnapshot() throws {
        let schema = try Catalog.inMemory().schemaDump()
        let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Snapshots/schema.sql")
        let recorded = try? String(contentsOf: snapshot, encoding: .utf8)
        if recorded == nil || ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: snapshot.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try schema.write(to: snapshot, atomically: true, encoding: .utf8)
            Issue.record("recorded \(snapshot.path); review it and run the tests again")
            return
        }
        #expect(schema == recorded)
    }
}
