import CatalogModel
import CatalogService
import CatalogStore
import CatalogSynthesis
import CatalogTestSupport
import Foundation

/// Specs and the catalog the synthesis tests build from.
enum SynthesisFixtures {
    static let catalog: CatalogSnapshot = {
        // The embedded default catalog is the catalog every example is written against.
        try! DefaultCatalog.snapshot()
    }()

    static var examples: [AppSpec] {
        get throws { try SpecReader().specs([PackagePaths.root.appendingPathComponent("examples").path]) }
    }

    static var edgeCases: [AppSpec] {
        get throws {
            try SpecReader().specs([URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures").path])
        }
    }

    /// Every example and edge-case app by name: what a spec naming another app's profile reads.
    static var apps: [String: AppSpec] {
        get throws { Dictionary(uniqueKeysWithValues: try (examples + edgeCases).map { ($0.name, $0) }) }
    }

    /// Every Region's template of `spec`, against the default catalog and the fixture apps.
    static func templates(_ spec: AppSpec, catalog: CatalogSnapshot = catalog) throws -> [SynthesizedTemplate] {
        try Synthesizer.synthesizeAll(spec, catalog: catalog, apps: apps)
    }

    static func template(_ spec: AppSpec, region: String, catalog: CatalogSnapshot = catalog) throws -> SynthesizedTemplate {
        try Synthesizer.synthesize(spec, region: region, catalog: catalog, apps: apps)
    }

    static func spec(_ yaml: String) throws -> AppSpec {
        let folder = try TemporaryDirectory()
        let file = folder.path("spec.yaml")
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        return try SpecReader().specs([file])[0]
    }
}
