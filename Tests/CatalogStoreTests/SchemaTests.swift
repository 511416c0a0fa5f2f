import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

@Suite struct SchemaTests {
    @Test func everyMigrationFileIsEmbeddedInOrder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.root.appendingPathComponent("migrations").path)
            .filter { $0.hasSuffix(".sql") }.map { String($0.dropLast(4)) }.sorted()
        #expect(SQLiteRepository.migrationIds == files)
    }

    /// The migrated schema equals `Snapshots/schema.sql`; a change to it is reviewed as a diff.
    @Test func theMigratedSchemaMatchesTheSnapshot() throws {
        try expectSnapshot(try SQLiteRepository.inMemory().schemaDump(), named: "schema.sql")
    }
}
