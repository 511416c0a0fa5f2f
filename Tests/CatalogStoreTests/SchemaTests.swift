import CatalogModel
@testable import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

@Suite struct SchemaTests {
    @Test func everyMigrationFileIsEmbeddedInOrder() throws {
        func steps(_ engine: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: PackagePaths.root.appendingPathComponent("migrations/\(engine)").path)
                .filter { $0.hasSuffix(".sql") }
                .map { $0.replacingOccurrences(of: ".postgres.sql", with: "").replacingOccurrences(of: ".sql", with: "") }
                .sorted()
        }
        #expect(SQLiteCatalog.migrationIds == (try steps("sqlite")))
        #expect(PostgresCatalog.migrationIds == (try steps("postgres")))
        // Both engines take the same steps, under the same names.
        #expect(try steps("postgres") == (try steps("sqlite")))
        // A data step follows a step both engines take (a mistyped id would never run).
        #expect(!MigrationDataSteps.byId.isEmpty)
        #expect(Set(MigrationDataSteps.byId.keys).isSubset(of: try steps("sqlite")))
    }

    /// The migrated schema equals `Snapshots/schema.sql`; a change to it is reviewed as a diff.
    @Test func theMigratedSchemaMatchesTheSnapshot() throws {
        try expectSnapshot(try SQLiteCatalog.schema(of: SQLiteCatalog.inMemory()), named: "schema.sql")
    }

    /// The kinds the schema's CHECK constraints allow are exactly `EntityKind`'s, so a new kind
    /// comes with a migration and the two cannot drift apart.
    @Test func theSchemaAllowsExactlyTheEntityKinds() throws {
        let schema = try SQLiteCatalog.schema(of: SQLiteCatalog.inMemory())
        let checks = schema.matches(of: /CHECK \(kind IN \(([^)]*)\)\)/).map { match in
            match.1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["'"]) }
        }
        #expect(!checks.isEmpty)
        for kinds in checks {
            #expect(kinds == EntityKind.allCases.map(\.rawValue))
        }
    }
}
