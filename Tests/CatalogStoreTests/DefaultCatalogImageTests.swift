@testable import CatalogStore
import CatalogTestSupport
import Foundation
import GRDB
import Testing

/// A new SQLite catalog is written from an embedded image (`DefaultCatalogImage`): it must be
/// exactly what the migrations and the default catalog make. With RECORD_SNAPSHOTS=1, or when it
/// is not, the image is written again (Sources/CatalogStore/DefaultCatalog/default-catalog.sqlite.gz)
/// and the test fails, so that the new image is built in and checked on the next run.
@Suite struct DefaultCatalogImageTests {
    @Test func aCatalogMadeFromTheImageIsTheOneMigrationsAndTheDefaultCatalogMake() throws {
        let folder = try TemporaryDirectory()
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        // Built the slow way: the migrations, then the default catalog loaded at `date`.
        let built = folder.path("built.sqlite")
        try DefaultCatalogImage.buildWithoutImage(path: built, loadedAt: date)
        // Written from the image at the same time.
        let written = folder.path("written.sqlite")
        let fromImage = DefaultCatalogImage.create(path: written, at: date)
        let same: Bool
        if fromImage {
            let expected = try SQLiteCatalog.open(path: built), actual = try SQLiteCatalog.open(path: written)
            #expect(!expected.createdCatalog && !actual.createdCatalog)
            #expect(try actual.revision() == 1)
            let schema = (try SQLiteCatalog.schema(of: expected), try SQLiteCatalog.schema(of: actual))
            let migrations = try [built, written].map { path in
                try DatabaseQueue(path: path).read { db in
                    try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                }
            }
            let modes = try [built, written].map { path in
                try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
            }
            #expect(modes == ["wal", "wal"])
            let dumps = (try expected.dump(), try actual.dump())
            same = schema.0 == schema.1 && migrations[0] == migrations[1] && dumps.0 == dumps.1
            #expect(schema.0 == schema.1)
            #expect(migrations[0] == migrations[1])
            #expect(migrations[0] == SQLiteCatalog.migrationIds)
            #expect(dumps.0 == dumps.1, "the image's rows differ from the migrations' and the default catalog's")
        } else {
            Issue.record("the embedded image could not be used")
            same = false
        }
        if !same || ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources/CatalogStore/DefaultCatalog/default-catalog.sqlite.gz")
            try Data(try DefaultCatalogImage.buildCompressed()).write(to: file)
            Issue.record("recorded \(file.path); build and run the tests again")
        }
    }

    @Test func aNewFileNamesTheTimeItWasMadeAndSaysItWasCreated() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("catalog.sqlite")
        let before = SQLCatalogRepository.timestamp(Date().addingTimeInterval(-1))
        let catalog = try SQLiteCatalog.open(path: path)
        #expect(catalog.createdCatalog)
        let appliedAt = try DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT appliedAt FROM catalogRevision WHERE revision = 1")
        }
        #expect(appliedAt.map { $0 >= before } == true)
        #expect(try SQLiteCatalog.open(path: path).createdCatalog == false)
        // Nothing but the catalog is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).allSatisfy { $0.hasPrefix("catalog.sqlite") })
    }

    @Test func anExistingFileIsNeverReplaced() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("catalog.sqlite")
        try Data("not a catalog".utf8).write(to: URL(fileURLWithPath: path))
        #expect(!DefaultCatalogImage.create(path: path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a catalog")
    }
}
