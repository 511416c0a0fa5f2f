import CatalogModel
import CatalogStore
import Foundation
import Testing

/// Versions are recorded in the order of what they were built from, whatever order the
/// commands that built them finish in.
@Suite struct TemplateRecordingTests {
    let catalog: SQLiteRepository

    init() throws {
        catalog = try SQLiteRepository.inMemory()
        let spec = AppSpec(name: "chat", team: "cx", regions: ["us-east-1"],
                           properties: .applicationInferenceProfile(ApplicationInferenceProfileProperties()))
        _ = try catalog.applySpecs([(spec, "chat.yaml")])
    }

    func candidate(_ body: String, spec: Int, catalog revision: Int) -> TemplateCandidate {
        TemplateCandidate(app: "chat", region: "us-east-1", sha256: String(repeating: body, count: 64),
                          body: body, catalogRevision: revision, specRevision: spec, dependencies: TemplateDependencies())
    }

    @Test func aTemplateFromAnOlderSpecIsNotRecordedAfterANewerOne() throws {
        // Given version 1, built from spec revision 2
        let first = try catalog.recordTemplates([candidate("b", spec: 2, catalog: 1)])
        #expect(first.map(\.outcome) == [.new])
        // When a synth that read spec revision 1 finishes later
        let late = try catalog.recordTemplates([candidate("a", spec: 1, catalog: 1)])
        // Then it is reported as superseded, and the latest version is still the newer spec's
        #expect(late.map(\.outcome) == [.superseded])
        #expect(late.first?.version.version == 1)
        #expect(try catalog.latestVersions().map(\.body) == ["b"])
    }

    @Test func aTemplateFromAnOlderCatalogIsNotRecordedAfterANewerOne() throws {
        _ = try catalog.recordTemplates([candidate("b", spec: 1, catalog: 3)])
        #expect(try catalog.recordTemplates([candidate("a", spec: 1, catalog: 2)]).map(\.outcome) == [.superseded])
        #expect(try catalog.recordTemplates([candidate("c", spec: 1, catalog: 3)]).map(\.outcome) == [.new])
        #expect(try catalog.templateVersions(app: "chat").map(\.body) == ["b", "c"])
    }
}
