import CatalogModel
@testable import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// A rebuild records its candidates a chunk at a time, all in one transaction: every chunk
/// lands or none does, and chunks that change nothing write nothing.
@Suite struct RebuildChunkTests {
    /// Hands out `chunks` in turn, then throws `failure` when one is given.
    final class Chunks: TemplateChunks {
        var chunks: [[TemplateCandidate]]
        let failure: (any Error)?

        init(_ chunks: [[TemplateCandidate]], then failure: (any Error)? = nil) {
            (self.chunks, self.failure) = (chunks, failure)
        }

        func next() throws -> [TemplateCandidate]? {
            guard !chunks.isEmpty else {
                if let failure { throw failure }
                return nil
            }
            return chunks.removeFirst()
        }
    }

    struct Refused: Error {}

    func candidate(_ body: String) -> TemplateCandidate {
        // A stand-in hash: the body, repeated to 64 characters.
        TemplateCandidate(app: "chat", region: "us-east-1", sha256: String(repeating: body, count: 64).prefix(64).description, compactBody: body,
                          catalogRevision: 1, specRevision: 1, dependencies: TemplateDependencies(models: ["m.\(body)"]))
    }

    func rebuild(_ catalog: SQLCatalogRepository, _ chunks: Chunks, dryRun: Bool = false) throws -> Rebuild {
        try catalog.rebuild(RebuildScope(staleOnly: false), at: Date(), dryRun: dryRun) { _, _ in chunks }
    }

    @Test(arguments: Engine.available) func everyChunkIsRecordedInOrder(engine: Engine) throws {
        let catalog = try TemplateRecordingTests.catalog(on: engine)
        let rebuild = try rebuild(catalog, Chunks([[candidate("a")], [], [candidate("b"), candidate("c")]]))
        #expect(rebuild.recorded.map { "\($0.version.version) \($0.outcome)" } == ["1 new", "2 new", "3 new"])
        // The report carries no texts; the store has them all.
        #expect(rebuild.recorded.allSatisfy { $0.version.body.isEmpty })
        #expect(try catalog.templateVersions(app: "chat").map(\.body) == ["a", "b", "c"])
    }

    /// A rebuild of every app checks, inside its write, that the apps it read are all the live
    /// apps still (reading them whole): one applied meanwhile makes it read and build again.
    @Test(arguments: Engine.available) func aRebuildOfEveryAppBuildsAgainWithAnAppAppliedMeanwhile(engine: Engine) throws {
        let catalog = try TemplateRecordingTests.catalog(on: engine)
        var built: [[String]] = []
        let rebuild = try catalog.rebuild(RebuildScope(staleOnly: false), at: Date(), dryRun: false) { work, _ in
            built.append(work.apps.keys.sorted())
            if built.count == 1 {
                let search = AppSpec(name: "search", team: "cx", regions: ["us-east-1"],
                                     properties: .applicationInferenceProfile(ApplicationInferenceProfileProperties()))
                _ = try catalog.applySpecs([(search, "search.yaml")])
            }
            return Chunks([[candidate("a")]])
        }
        #expect(built == [["chat"], ["chat", "search"]])
        #expect(rebuild.work.apps.keys.sorted() == ["chat", "search"])
        #expect(rebuild.recorded.map { "\($0.version.app) \($0.version.version) \($0.outcome)" } == ["chat 1 new"])
    }

    @Test(arguments: Engine.available) func aRebuildRefusedAfterAChunkWasRecordedLeavesNothing(engine: Engine) throws {
        let catalog = try TemplateRecordingTests.catalog(on: engine)
        _ = try rebuild(catalog, Chunks([[candidate("a")]]))
        let before = try catalog.dump()
        #expect(throws: Refused.self) { try rebuild(catalog, Chunks([[candidate("b")], [candidate("c")]], then: Refused())) }
        #expect(try catalog.dump() == before)
    }

    @Test(arguments: Engine.available) func chunksThatChangeNothingAreReportedAndNotWritten(engine: Engine) throws {
        let catalog = try TemplateRecordingTests.catalog(on: engine)
        _ = try rebuild(catalog, Chunks([[candidate("a")]]))
        let before = try catalog.dump()
        let same = try rebuild(catalog, Chunks([[candidate("a")], [candidate("a")]]))
        #expect(same.recorded.map { "\($0.version.version) \($0.outcome)" } == ["1 unchanged", "1 unchanged"])
        #expect(try catalog.dump() == before)

        let later = try rebuild(catalog, Chunks([[candidate("a")], [candidate("b")]]))
        #expect(later.recorded.map { "\($0.version.version) \($0.outcome)" } == ["1 unchanged", "2 new"])
        let dryRun = try rebuild(catalog, Chunks([[candidate("c")]]), dryRun: true)
        #expect(dryRun.recorded.map { "\($0.version.version) \($0.outcome)" } == ["3 new"])
        #expect(try catalog.templateVersions(app: "chat").map(\.body) == ["a", "b"])
    }
    @Test func postgresPlansFromFreshStatisticsAfterAChunkedRebuildOfManyVersions() throws {
        guard Engine.available.contains(.postgres) else { return }
        let catalog = try TemplateRecordingTests.catalog(on: .postgres)
        func estimatedVersions() throws -> Int {
            try catalog.engine.read { db in
                try db.rows("SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'templateversion'").first?.int("n") ?? 0
            }
        }
        // Chunks of 300, each below the number of new rows that refreshes statistics, together above it.
        let chunks = (0..<4).map { chunk in (0..<300).map { candidate("\(chunk)-\($0)") } }
        _ = try rebuild(catalog, Chunks(chunks))
        #expect(try estimatedVersions() == 1200)
    }
}
