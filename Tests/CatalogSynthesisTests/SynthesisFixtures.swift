import CatalogModel
import CatalogService
import CatalogStore
import CatalogTestSupport
import Foundation

/// Specs and the catalog the synthesis tests build from.
enum SynthesisFixtures {
    static let catalog: CatalogSnapshot = {
        // The embedded default catalog is the catalog every example is written against.
        try! DefaultCatalog.snapshot()
    }()

    static var examples: [AppSpec] {
        get throws { try SpecReader().read([PackagePaths.root.appendingPathComponent("examples").path]).map(\.spec) }
    }

    static var edgeCases: [AppSpec] {
        get throws {
            try SpecReader().read([URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures").path]).map(\.spec)
        }
    }

    static func spec(_ yaml: String) throws -> AppSpec {
        let folder = try TemporaryDirectory()
        let file = folder.path("spec.yaml")
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        return try SpecReader().read([file])[0].spec
    }
}
