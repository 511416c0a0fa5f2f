import CatalogModel
import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// Versions are recorded in the order of what they were built from, whatever order the
/// commands that built them finish in.
@Suite struct TemplateRecordingTests {

    /// A new catalog on `engine` with the suite's apps.
    static func catalog(on engine: Engine) throws -> SQLCatalogRepository {
        let catalog = try engine.newCatalog()
        let spec = AppSpec(name: "chat", team: "cx", regions: ["us-east-1"],
                           properties: .applicationInferenceProfile(ApplicationInferenceProfileProperties()))
        _ = try catalog.applySpecs([(spec, "chat.yaml")])
        return catalog
    }

    func candidate(_ body: String, spec: Int, catalog revision: Int) -> TemplateCandidate {
        TemplateCandidate(app: "chat", region: "us-east-1", sha256: String(repeating: body, count: 64),
                          compactBody: body, catalogRevision: revision, specRevision: spec, dependencies: TemplateDependencies())
    }

    @Test(arguments: Engine.available) func aTemplateFromAnOlderSpecIsNotRecordedAfterANewerOne(engine: Engine) throws {
        let catalog = try Self.catalog(on: engine)
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

    @Test(arguments: Engine.available) func aTemplateFromAnOlderCatalogIsNotRecordedAfterANewerOne(engine: Engine) throws {
        let catalog = try Self.catalog(on: engine)
        _ = try catalog.recordTemplates([candidate("b", spec: 1, catalog: 3)])
        #expect(try catalog.recordTemplates([candidate("a", spec: 1, catalog: 2)]).map(\.outcome) == [.superseded])
        #expect(try catalog.recordTemplates([candidate("c", spec: 1, catalog: 3)]).map(\.outcome) == [.new])
        #expect(try catalog.templateVersions(app: "chat").map(\.body) == ["b", "c"])
    }

    @Test(arguments: Engine.available) func aTextAnotherVersionHasIsStoredOnce(engine: Engine) throws {
        let catalog = try Self.catalog(on: engine)
        // Given version 1 with text a, version 2 with b, then version 3 back to a (a newer catalog)
        for (body, revision) in [("a", 1), ("b", 2), ("a", 3)] {
            #expect(try catalog.recordTemplates([candidate(body, spec: 1, catalog: revision)]).map(\.outcome) == [.new])
        }
        // Then each version reads its own text, and the two texts are stored once each
        #expect(try catalog.templateVersions(app: "chat").map { "\($0.version) \($0.body)" } == ["1 a", "2 b", "3 a"])
        #expect(try catalog.latestVersions().map(\.body) == ["a"])
        let rows = Dictionary(uniqueKeysWithValues: try catalog.dump().rowCounts.map { ($0.table, $0.rows) })
        #expect(rows["templateVersion"] == 3)
        #expect(rows["templateBody"] == 2)
    }

    @Test(arguments: Engine.available) func aTextIsStoredCompactAndReadBackLaidOut(engine: Engine) throws {
        let catalog = try Self.catalog(on: engine)
        // Given a text recorded compact, then one recorded laid out (as texts were stored before)
        let compact = #"{"a":[1,{}],"b":"x : y, z"}"#
        let laidOut = "{\n  \"a\" : [\n    1,\n    {\n\n    }\n  ],\n  \"b\" : \"x : y, z\"\n}\n"
        let older = "{\n  \"a\" : 2\n}\n"
        for (text, hash, revision) in [(compact, "c", 1), (older, "d", 2)] {
            _ = try catalog.recordTemplates([TemplateCandidate(
                app: "chat", region: "us-east-1", sha256: String(repeating: hash, count: 64), compactBody: text,
                catalogRevision: revision, specRevision: 1, dependencies: TemplateDependencies())])
        }
        // Then both read back laid out, and each is stored as it was given
        #expect(try catalog.templateVersions(app: "chat").map(\.body) == [laidOut, older])
        let bodies = try #require(try catalog.dump().tables.first { $0.name == "templateBody" })
        #expect(Set(bodies.rows.map { bodies.value("body", in: $0) }) == [.text(compact), .text(older)])
    }
}

/// Recording several candidates at once gives what recording them one by one gives.
@Suite struct TemplateBatchRecordingTests {

    /// A new catalog on `engine` with the suite's apps.
    static func catalog(on engine: Engine) throws -> SQLCatalogRepository {
        let catalog = try engine.newCatalog()
        let properties = PatternProperties.applicationInferenceProfile(ApplicationInferenceProfileProperties())
        _ = try catalog.applySpecs([
            (AppSpec(name: "chat", team: "cx", regions: ["us-east-1", "us-west-2"], properties: properties), "chat.yaml"),
            (AppSpec(name: "search", team: "cx", regions: ["us-east-1"], properties: properties), "search.yaml"),
        ])
        return catalog
    }

    func candidate(_ app: String, _ region: String, _ body: String, spec: Int = 1, catalog revision: Int = 1) -> TemplateCandidate {
        TemplateCandidate(app: app, region: region, sha256: String(repeating: body, count: 64), compactBody: body,
                          catalogRevision: revision, specRevision: spec,
                          dependencies: TemplateDependencies(models: ["m.\(body)"], profiles: ["us.m.\(body)"],
                                                             geographies: ["us"], regions: [region, "us-east-2"],
                                                             apps: app == "chat" ? ["search"] : []))
    }

    @Test(arguments: Engine.available) func eachPlaceIsComparedWithItsOwnLatestVersion(engine: Engine) throws {
        let catalog = try Self.catalog(on: engine)
        // Given version 1 in three places
        let first = try catalog.recordTemplates([
            candidate("chat", "us-east-1", "a"), candidate("chat", "us-west-2", "b"), candidate("search", "us-east-1", "c"),
        ])
        #expect(first.map(\.outcome) == [.new, .new, .new])
        // When one changes, one is unchanged and one is built from an older catalog
        let second = try catalog.recordTemplates([
            candidate("search", "us-east-1", "c"), candidate("chat", "us-east-1", "d", catalog: 2),
            candidate("chat", "us-west-2", "e", catalog: 0),
        ])
        // Then each outcome names the version of its own place, with its dependencies
        #expect(second.map(\.outcome) == [.unchanged, .new, .superseded])
        #expect(second.map { "\($0.version.app) \($0.version.region) \($0.version.version) \($0.version.body)" }
            == ["search us-east-1 1 c", "chat us-east-1 2 d", "chat us-west-2 1 b"])
        #expect(second.map(\.version.dependencies) == [
            candidate("search", "us-east-1", "c").dependencies, candidate("chat", "us-east-1", "d").dependencies,
            candidate("chat", "us-west-2", "b").dependencies,
        ])
        #expect(try catalog.latestVersions().map(\.dependencies)
            == [second[1], first[1], first[2]].map(\.version.dependencies))
        #expect(try catalog.templateVersions(app: "chat").map(\.dependencies)
            == [first[0], second[1], first[1]].map(\.version.dependencies))
    }

    @Test(arguments: Engine.available) func aPlaceNamedTwiceInOneCallIsComparedWithTheVersionJustRecorded(engine: Engine) throws {
        let catalog = try Self.catalog(on: engine)
        let recorded = try catalog.recordTemplates([
            candidate("chat", "us-east-1", "a"), candidate("chat", "us-east-1", "b"), candidate("chat", "us-east-1", "b"),
            candidate("chat", "us-east-1", "c", spec: 0),
        ])
        #expect(recorded.map(\.outcome) == [.new, .new, .unchanged, .superseded])
        #expect(recorded.map(\.version.version) == [1, 2, 2, 2])
        #expect(try catalog.templateVersions(app: "chat").map(\.body) == ["a", "b"])
    }
}

/// Every version's body, page by page, oldest first.
@Suite struct TemplateBodyPagingTests {
    @Test(arguments: Engine.available) func everyBodyComesOnceInOrderWhateverThePageSize(engine: Engine) throws {
        let catalog = try engine.newCatalog()
        let properties = PatternProperties.applicationInferenceProfile(ApplicationInferenceProfileProperties())
        _ = try catalog.applySpecs([(AppSpec(name: "chat", team: "cx", regions: ["us-east-1"], properties: properties),
                                     "chat.yaml")])
        for body in ["a", "b", "c"] {
            _ = try catalog.recordTemplates([TemplateCandidate(
                app: "chat", region: "us-east-1", sha256: String(repeating: body, count: 64), compactBody: body,
                catalogRevision: 1, specRevision: 1, dependencies: TemplateDependencies())])
        }
        for pageSize in [1, 2, 500] {
            var seen: [String] = []
            try catalog.forEachTemplateBody(pageSize: pageSize) { seen.append("\($0.version) \($0.storedText)") }
            #expect(seen == ["1 a", "2 b", "3 c"], "page size \(pageSize)")
        }
    }
}
