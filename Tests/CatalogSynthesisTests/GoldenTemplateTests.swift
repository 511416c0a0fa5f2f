import CatalogModel
import CatalogSynthesis
import CatalogTestSupport
import Testing

/// Every template the examples and the edge-case fixtures produce, compared with its golden
/// file (cfn-lint checks the same files in bin/test).
@Suite struct GoldenTemplateTests {
    @Test func exampleTemplatesMatchTheirGoldenFiles() throws {
        for spec in try SynthesisFixtures.examples {
            for template in try SynthesisFixtures.templates(spec) {
                try expectSnapshot(template.json, named: "\(template.app).\(template.region).template.json")
            }
        }
    }

    @Test func edgeCaseTemplatesMatchTheirGoldenFiles() throws {
        for spec in try SynthesisFixtures.edgeCases {
            for template in try SynthesisFixtures.templates(spec) {
                try expectSnapshot(template.json, named: "\(template.app).\(template.region).template.json")
            }
        }
    }

    /// Same spec and catalog, same bytes, whatever else was synthesized before or in which order.
    @Test func repeatedSynthesisIsByteIdentical() throws {
        let specs = try SynthesisFixtures.examples + SynthesisFixtures.edgeCases
        func render(_ specs: [AppSpec]) throws -> [String: String] {
            var texts: [String: String] = [:]
            for spec in specs {
                for template in try SynthesisFixtures.templates(spec) {
                    texts["\(template.app) \(template.region)"] = template.json
                }
            }
            return texts
        }
        let first = try render(specs)
        #expect(first.count == 25)
        #expect(try render(specs.reversed()) == first)
        #expect(try render(specs) == first)
    }
}
