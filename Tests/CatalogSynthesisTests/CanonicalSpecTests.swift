import CatalogModel
import Foundation
import Testing

/// A stored spec is its canonical JSON, read back without the checks it passed when applied:
/// every example and edge case reads back as itself, as the strict reading reads it.
@Suite struct CanonicalSpecTests {
    @Test func everySpecReadsBackFromItsCanonicalJSONAsItself() throws {
        let specs = try SynthesisFixtures.examples + SynthesisFixtures.edgeCases
        #expect(specs.count > 20)
        for spec in specs {
            let text = spec.canonicalJSON()
            let stored = try AppSpec.fromCanonicalJSON(text)
            #expect(stored == spec, "\(spec.name)")
            #expect(try JSONDecoder().decode(AppSpec.self, from: Data(text.utf8)) == stored, "\(spec.name)")
            #expect(stored.canonicalJSON() == text, "\(spec.name)")
        }
    }
}
