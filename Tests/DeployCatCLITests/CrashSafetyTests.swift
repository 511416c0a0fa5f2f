import CatalogTestSupport
import Foundation
import Testing

/// `regenerate` of 2,000 apps killed with SIGKILL at random moments, again and again: the catalog
/// stays sound (SQLite's own integrity check, `deploycat verify`), each kill leaves either none
/// or all of the command's new versions (one transaction per command), and the next
/// `regenerate` finishes the job. Half the kills come at any moment of the run; on SQLite the
/// other half come once the command has begun writing (its write-ahead log grows), so the kills
/// that matter most, those in the middle of the write, are certain to happen. On PostgreSQL,
/// where the server rolls back a killed client's transaction, a smaller run checks the same.
/// The suite names its engines itself, so bin/test does not run it again on PostgreSQL.
@Suite struct CrashSafetyTests {
    @Test func regenerateOnSQLiteKilledAtRandomMomentsLeavesOldOrNewVersionsNeverHalf() throws {
        let folder = try TemporaryDirectory()
        try run(database: folder.path("crash.sqlite"), apps: 2_000, kills: 20, in: folder)
    }

    @Test(.enabled(if: TestPostgres.url != nil, "needs the PostgreSQL server bin/test starts"))
    func regenerateOnPostgreSQLKilledAtRandomMomentsLeavesOldOrNewVersionsNeverHalf() throws {
        try run(database: try TestPostgres.createDatabaseURL(prefix: "crash"), apps: 500, kills: 8)
    }

    func run(database: String, apps: Int, kills wanted: Int, in folder: TemporaryDirectory? = nil) throws {
        let folder = try folder ?? TemporaryDirectory()
        var process = try DeployCatProcess(workingDirectory: folder.url)
        process.environment["DEPLOYCAT_DB"] = database
        let deploycat = process
        let onSQLite = !database.hasPrefix("postgres")
        let specs = folder.url.appendingPathComponent("specs")
        try FileManager.default.createDirectory(at: specs, withIntermediateDirectories: true)
        let regions = ["us-east-1", "us-east-2", "us-west-2"]
        for index in 0..<apps {
            let name = String(format: "app-%04d", index)
            try """
                name: \(name)
                team: team-\(index % 7)
                pattern: application-inference-profile
                regions: [\(regions[index % regions.count])]
                properties:
                  modelSource:
                    crossRegion: { geography: us, model: amazon.nova-micro-v1:0 }
                """.write(to: specs.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
        }
        #expect(try deploycat.run("apply", "-f", specs.path).status == 0)
        #expect(try deploycat.run("synth", "--all").status == 0)

        /// Every version stored, after checking the catalog is sound.
        func versionsOfASoundCatalog(_ moment: String) throws -> Int {
            if onSQLite {
                let check = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                    + "print(c.execute('PRAGMA integrity_check').fetchone()[0])"
                let integrity = try Script.run("python3", "-c", check, database)
                #expect(integrity.stdout == "ok\n", "integrity after \(moment): \(integrity.stdout)\(integrity.stderr)")
            }
            let verify = try deploycat.run("verify", "--json")
            #expect(verify.status == 0, "verify after \(moment): \(verify.stdout)\(verify.stderr)")
            return try #require(try json(verify) as? [String: Any])["versions"] as? Int ?? -1
        }

        var versions = try versionsOfASoundCatalog("synth")
        #expect(versions == apps)
        // Every app's templates go stale with each new tag default.
        var round = 0
        func makeEveryTemplateStale() throws {
            round += 1
            #expect(try deploycat.run("tags", "defaults", "set", "crash-round=\(round)").status == 0)
        }
        try makeEveryTemplateStale()
        // How long a whole regenerate takes here, from one that runs to its end.
        let started = Date()
        #expect(try deploycat.run("regenerate").status == 0)
        let whole = Date().timeIntervalSince(started)
        versions = try versionsOfASoundCatalog("a whole regenerate")
        #expect(versions == 2 * apps)
        try makeEveryTemplateStale()

        let log = database + "-wal"
        /// The write-ahead log's size and time of change: a write changes one or both.
        func logState() -> [String] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: log)
            return ["\(attributes?[.size] ?? 0)", "\(attributes?[.modificationDate] ?? 0)"]
        }
        var kills: [Double] = [], killsWhileWriting = 0, finished = 0, attempt = 0
        while kills.count < wanted && attempt < wanted * 3 {
            attempt += 1
            let start = Date(), logAtStart = logState()
            let whileWriting = attempt % 2 == 0 && onSQLite
            // At any moment up to a whole run's length, or a moment into the write.
            let delay = whileWriting ? Double.random(in: 0...0.05) : Double.random(in: 0.02...whole)
            var writingSince: Date?
            let run = try deploycat.run(["regenerate"]) {
                if !whileWriting { return Date().timeIntervalSince(start) >= delay }
                if writingSince == nil, logState() != logAtStart { writingSince = Date() }
                return writingSince.map { Date().timeIntervalSince($0) >= delay } ?? false
            }
            let moment = Date().timeIntervalSince(start)
            let now = try versionsOfASoundCatalog(String(format: "a kill at %.2f s", moment))
            if run.killed {
                kills.append(moment)
                if writingSince != nil { killsWhileWriting += 1 }
                #expect(now == versions || now == versions + apps,
                        "after a kill at \(moment) s: \(now) versions, not \(versions) or \(versions + apps)")
            } else {
                #expect(run.status == 0 && now == versions + apps)
            }
            if now == versions + apps {
                // The job got done (before or as the kill came): make new work for the next run.
                finished += 1
                versions = now
                try makeEveryTemplateStale()
            }
        }
        #expect(kills.count == wanted, "kills that landed while regenerate ran: \(kills.count)")
        if onSQLite {
            #expect(killsWhileWriting >= wanted / 4, "kills in the middle of the write: \(killsWhileWriting)")
        }
        let engine = onSQLite ? "SQLite" : "PostgreSQL"
        print("crash safety (\(engine)): " + String(
            format: "%d kills of regenerate (%d apps, %.1f s whole) between %.2f and %.2f s, %d of them while it "
                + "wrote; %d runs finished first; every catalog sound",
            kills.count, apps, whole, kills.min() ?? 0, kills.max() ?? 0, killsWhileWriting, finished))

        // The next regenerate completes the job, and then nothing is left to do.
        let last = try deploycat.run("regenerate")
        #expect(last.status == 0, "\(last.stderr)")
        #expect(try versionsOfASoundCatalog("the last regenerate") == versions + apps)
        #expect(try deploycat.run("regenerate", "--dry-run", "--exit-code").status == 0)
    }
}
