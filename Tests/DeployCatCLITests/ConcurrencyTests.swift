import CatalogTestSupport
import Synchronization
import Foundation
import Testing

/// Eight deploycat processes apply specs, import catalog changes, synthesize and read against
/// one catalog (a PostgreSQL database, an SQLite file) for ten seconds. Afterwards: no command failed or printed an error, catalog
/// revisions run 1, 2, 3... without a gap and each import got its own, every applied spec is
/// stored with a spec revision per change, and every app's template versions run 1, 2, 3...
@Suite(.serialized) struct ConcurrencyTests {
    static let seconds = 10.0
    static let workers = 8

    enum Role: CaseIterable { case apply, importPrices, synth, read }

    /// What one worker did.
    struct Work: Sendable {
        var commands = 0
        var failures: [String] = []
        /// Specs it applied: app name -> times its spec changed.
        var applied: [String: Int] = [:]
        /// Catalog revisions its imports made.
        var revisions: [Int] = []
    }

    @Test(.enabled(if: TestPostgres.url != nil, "needs the PostgreSQL server bin/test starts"))
    func eightProcessesOnPostgreSQLLoseNothing() throws {
        try run(database: try TestPostgres.createDatabaseURL(prefix: "load"))
    }

    @Test func eightProcessesOnSQLiteLoseNothing() throws {
        let folder = try TemporaryDirectory()
        try run(database: folder.path("shared.sqlite"), in: folder)
    }

    func run(database: String, in folder: TemporaryDirectory? = nil) throws {
        let folder = try folder ?? TemporaryDirectory()
        var process = try DeployCatProcess(workingDirectory: folder.url)
        process.environment["DEPLOYCAT_DB"] = database
        let deploycat = process
        #expect(try deploycat.run("catalog", "log", "--limit", "1").status == 0)
        let deadline = Date().addingTimeInterval(Self.seconds)
        let files = folder.url
        let results = Mutex([Work](repeating: Work(), count: Self.workers))
        // A thread per worker (not a pool as wide as the machine), so eight processes really run at once.
        let finished = DispatchGroup()
        for worker in 0..<Self.workers {
            finished.enter()
            Thread {
                var work = Work()
                var round = 0
                // Ten seconds, and at least three commands each however loaded the machine is.
                while Date() < deadline || work.commands < 3 {
                    round += 1
                    do {
                        try Self.step(Role.allCases[worker % Role.allCases.count], worker: worker, round: round,
                                      deploycat: deploycat, files: files, work: &work)
                    } catch {
                        work.failures.append("worker \(worker): \(error)")
                    }
                    work.commands += 1
                }
                results.withLock { $0[worker] = work }
                finished.leave()
            }.start()
        }
        finished.wait()
        let work: [Work] = results.withLock { $0 }
        #expect(work.flatMap(\.failures) == [])
        print("concurrency: \(Self.workers) processes for \(Self.seconds) s: commands per worker \(work.map(\.commands)), "
            + "\(work.flatMap(\.revisions).count) imports, \(work.reduce(0) { $0 + $1.applied.count }) apps applied")

        // Revisions: 1 (the default catalog), then one per import, without gaps or duplicates.
        let log = try #require(try json(deploycat.run("catalog", "log", "--json")) as? [[String: Any]])
        let revisions = Set(log.compactMap { $0["revision"] as? Int })
        let imported = work.flatMap(\.revisions)
        #expect(Set(imported).count == imported.count, "two imports got the same revision")
        #expect(revisions == Set(1...(imported.count + 1)))
        #expect(Set(imported) == Set(2..<(imported.count + 2)))

        // Every applied spec is there, with one spec revision per change.
        let apps = try #require(try json(deploycat.run("apps", "list", "--json")) as? [[String: Any]])
        var stored: [String: Int] = [:]
        for app in apps { stored[app["name"] as? String ?? ""] = app["specRevision"] as? Int }
        let applied = work.reduce(into: [String: Int]()) { $0.merge($1.applied) { $0 + $1 } }
        #expect(!applied.isEmpty)
        for (name, changes) in applied {
            #expect(stored[name] == changes, "app \(name)")
        }

        // Every app's versions count up from 1, one per distinct template, and the latest is of its latest spec.
        #expect(try deploycat.run("synth", "--all").status == 0)
        for name in applied.keys.filter({ $0.hasPrefix("own-") }) {
            let versions = try #require(try json(deploycat.run("versions", name, "--json")) as? [[String: Any]])
            let numbers: [Int] = versions.compactMap { $0["version"] as? Int }
            #expect(!numbers.isEmpty && numbers == Array(1...numbers.count), "versions of \(name): \(numbers)")
            #expect(versions.last?["specRevision"] as? Int == stored[name], "the latest version of \(name)")
        }
    }

    /// One command of a worker's role.
    static func step(_ role: Role, worker: Int, round: Int, deploycat: DeployCatProcess, files: URL,
                     work: inout Work) throws {
        func run(_ arguments: [String]) throws -> DeployCatProcess.Result {
            let result = try deploycat.run(arguments)
            // A synth that finishes after another recorded a version from newer revisions says
            // so and stores nothing, and an apply suggests regenerating: notices, not errors.
            let errors = result.errorLines.filter {
                !$0.contains(": not stored; version ") && !$0.hasPrefix("run `deploycat regenerate ")
            }
            if result.status != 0 || !errors.isEmpty {
                work.failures.append("\(arguments.joined(separator: " ")): exit \(result.status): \(result.stderr)")
            }
            return result
        }
        switch role {
        case .apply:
            // A new app each round, and the worker's own app changed each round, in one command.
            let new = files.appendingPathComponent("w\(worker)-\(round).yaml").path
            let own = files.appendingPathComponent("own-\(worker)-\(round).yaml").path
            try spec(name: "w\(worker)-\(round)", round: round).write(toFile: new, atomically: true, encoding: .utf8)
            try spec(name: "own-\(worker)", round: round).write(toFile: own, atomically: true, encoding: .utf8)
            if try run(["apply", "-f", new, "-f", own]).status == 0 {
                work.applied["w\(worker)-\(round)", default: 0] += 1
                work.applied["own-\(worker)", default: 0] += 1
            }
        case .importPrices:
            // A price only this worker writes, new each round: every import changes the catalog.
            let model = worker < Role.allCases.count ? "amazon.nova-micro-v1:0" : "amazon.nova-lite-v1:0"
            let document = "prices:\n  - modelId: \(model)\n    inputPer1k: 0.00\(1000 + round)\n"
            let result = try deploycat.run(["catalog", "apply", "-f", "-"], input: document)
            if result.status != 0 || !result.stderr.isEmpty {
                work.failures.append("catalog apply: exit \(result.status): \(result.stderr)")
            } else if let match = result.stdout.firstMatch(of: /catalog revision (\d+):/), let revision = Int(match.1) {
                work.revisions.append(revision)
            } else {
                work.failures.append("catalog apply changed nothing: \(result.stdout)")
            }
        case .synth:
            _ = try run(["synth", "--all"])
        case .read:
            _ = try run(round % 2 == 0 ? ["apps", "list", "--json"] : ["catalog", "log", "--limit", "5"])
            _ = try run(["tags"])
        }
    }

    static func spec(name: String, round: Int) -> String {
        """
        name: \(name)
        team: load
        pattern: application-inference-profile
        regions: [us-east-1]
        tags: { round: "\(round)" }
        properties:
          modelSource:
            crossRegion: { geography: us, model: amazon.nova-micro-v1:0 }
        """
    }
}
