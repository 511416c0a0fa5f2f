import CatalogTestSupport
import Foundation
import Testing

/// One input of the hostile corpus: a file for one reader (Tests/Corpus/hostile/READER/), an
/// argument list (options/), or a large input this suite makes (`generated`).
struct HostileInput: CustomTestStringConvertible, Sendable {
    var reader: String
    var name: String
    /// The file, or `nil` for an argument list.
    var file: String?
    var arguments: [String]
    /// Standard input, for `-f -`.
    var standardInput: String?

    var testDescription: String { "\(reader)/\(name)" }

    /// The command that reads a file of each reader.
    static func command(_ reader: String, _ file: String) -> [String] {
        switch reader {
        case "spec": ["apply", "-f", file]
        case "catalog": ["catalog", "apply", "-f", file]
        case "models": ["catalog", "import-models", file, "--region", "us-east-1"]
        case "profiles": ["catalog", "import-profiles", file, "--region", "us-east-1"]
        case "tag-policy": ["tags", "policy", "set", "-f", file]
        case "billing": ["cost", "import", file]
        default: fatalError("no command reads \(reader)")
        }
    }

    static let corpus = PackagePaths.root.appendingPathComponent("Tests/Corpus/hostile")
    static let readers = ["spec", "catalog", "models", "profiles", "tag-policy", "billing"]

    /// Every committed input, then the generated ones.
    static let all: [HostileInput] = {
        var inputs: [HostileInput] = []
        for reader in readers {
            let folder = corpus.appendingPathComponent(reader)
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
                let file = folder.appendingPathComponent(name).path
                inputs.append(HostileInput(reader: reader, name: name, file: file, arguments: command(reader, file)))
            }
        }
        let options = corpus.appendingPathComponent("options")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: options.path)) ?? []).sorted() {
            let text = (try? String(contentsOfFile: options.appendingPathComponent(name).path, encoding: .utf8)) ?? ""
            let valid = PackagePaths.fixture("list-foundation-models-us-west-2.json")
            let arguments = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .map { $0 == "FILE" ? valid : String($0) }
            inputs.append(HostileInput(reader: "options", name: name, arguments: arguments))
        }
        return inputs + generated
    }()

    /// Inputs too large to commit, written by `HostileCatalog.prepare`.
    static let generated: [HostileInput] = [
        large("spec", "deep-json-arrays-100k.json") { Data(String(repeating: "[", count: 100_000).utf8) },
        large("spec", "deep-yaml-flow-100k.yaml") { Data(("name: " + String(repeating: "[", count: 100_000)).utf8) },
        large("spec", "deep-json-objects-100k.json") { Data(String(repeating: "{\"a\":", count: 100_000).utf8) },
        large("spec", "huge-team-5mb.yaml") {
            Data(("name: hostile-app\npattern: lambda-bedrock-inference-profile\nteam: "
                + String(repeating: "x", count: 5 << 20) + "\n").utf8)
        },
        large("spec", "huge-quoted-name-3mb.json") {
            Data(("{\"name\": \"" + String(repeating: "'; DROP TABLE app; -- ", count: 150_000) + "\"}").utf8)
        },
        large("spec", "oversized-11mb.yaml") {
            Data(("name: hostile-app\n" + String(repeating: "# padding padding padding\n", count: 450_000)).utf8)
        },
        large("catalog", "huge-model-id-8mb.yaml") {
            Data(("models:\n  - id: amazon." + String(repeating: "n", count: 8 << 20) + "\n").utf8)
        },
        large("catalog", "many-models-10k.yaml") {
            Data(("models:\n" + String(repeating: "  - id: \"Not A Model\"\n", count: 10_000)).utf8)
        },
        large("models", "huge-model-name-8mb.json") {
            Data(("{\"modelSummaries\": [{\"modelId\": \"amazon.x\", \"modelName\": \""
                + String(repeating: "=cmd|' /C calc'!A0 ", count: 400_000) + "\"}]}").utf8)
        },
        large("profiles", "deep-nesting-100k.json") {
            Data(("{\"inferenceProfileSummaries\": " + String(repeating: "[", count: 100_000)
                + String(repeating: "]", count: 100_000) + "}").utf8)
        },
        large("tag-policy", "deep-objects-100k.json") {
            Data(("{\"tags\": " + String(repeating: "{\"a\":", count: 100_000)).utf8)
        },
        large("tag-policy", "oversized-12mb.json") {
            Data(("{\"tags\": {}, \"pad\": \"" + String(repeating: "p", count: 12 << 20) + "\"}").utf8)
        },
        large("billing", "huge-cell-20mb.csv") {
            Data(("line_item_usage_start_date,line_item_unblended_cost,line_item_resource_id,line_item_product_code,"
                + "identity_line_item_id\n2025-01-01T00:00:00Z,1,\"" + String(repeating: "r", count: 20 << 20)
                + "\",AmazonBedrock,x\n").utf8)
        },
        large("billing", "two-million-columns.csv") {
            Data(("line_item_usage_start_date,line_item_unblended_cost,line_item_resource_id,line_item_product_code,"
                + "identity_line_item_id\n" + String(repeating: ",", count: 2_000_000) + "\n").utf8)
        },
        HostileInput(reader: "options", name: "stdin-oversized-12mb", arguments: ["apply", "-f", "-"],
                     standardInput: "oversized-stdin.yaml"),
    ]

    private static func large(_ reader: String, _ name: String, _ make: @escaping @Sendable () -> Data) -> HostileInput {
        let file = HostileCatalog.generatedFolder.appendingPathComponent(name).path
        HostileCatalog.makers.append((file, make))
        return HostileInput(reader: reader, name: "generated-" + name, file: file, arguments: command(reader, file))
    }
}

/// An input deploycat accepts on purpose (Tests/Corpus/accepted/READER/): read against a copy
/// of the catalog, and echoed safely.
struct AcceptedInput: CustomTestStringConvertible, Sendable {
    var reader: String
    var name: String
    var file: String

    var testDescription: String { "\(reader)/\(name)" }

    static let all: [AcceptedInput] = HostileInput.readers.flatMap { reader in
        let folder = PackagePaths.root.appendingPathComponent("Tests/Corpus/accepted").appendingPathComponent(reader)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map { name in
            AcceptedInput(reader: reader, name: name, file: folder.appendingPathComponent(name).path)
        }
    }
}

/// The catalog every hostile input runs against: the examples applied and synthesized and a
/// month of billing imported, so reports have data; made once, then copied for each input.
final class HostileCatalog: Sendable {
    nonisolated(unsafe) static var makers: [(String, @Sendable () -> Data)] = []
    static let generatedFolder = FileManager.default.temporaryDirectory
        .appendingPathComponent("deploycat-hostile-\(getpid())")

    let folder: URL
    let database: String
    let contents: Data

    static let shared = Result { try HostileCatalog() }

    private init() throws {
        _ = HostileInput.all
        // The folder outlives its run (no hook ends a suite): earlier runs' folders go now.
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        where name.hasPrefix("deploycat-hostile-") {
            if let pid = Int32(name.dropFirst("deploycat-hostile-".count)), pid != getpid(), kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
        let folder = Self.generatedFolder
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (file, make) in Self.makers {
            try make().write(to: URL(fileURLWithPath: file))
        }
        try Data(("name: hostile-app\n" + String(repeating: "# padding padding padding\n", count: 500_000)).utf8)
            .write(to: folder.appendingPathComponent("oversized-stdin.yaml"))
        self.folder = folder
        database = folder.appendingPathComponent("catalog.sqlite").path
        let run = BoundedRun(workingDirectory: folder, timeLimit: 120)
        let examples = PackagePaths.root.appendingPathComponent("examples").path
        for arguments in [["apply", "-f", examples], ["synth", "--all"],
                          ["cost", "import", PackagePaths.fixture("billing/cur2-2025-01.csv")], ["catalog", "geos"]] {
            let result = try run.run(arguments + ["--db", database])
            guard result.status == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey:
                    "preparing the catalog: deploycat \(arguments.joined(separator: " ")): \(result.stderr)"])
            }
        }
        contents = try DatabaseFiles.contents(database)
    }

    /// A copy of the catalog in a folder of its own, for one run: a run that writes must not
    /// touch what another run reads, and each is compared with `contents` afterwards.
    func copy() throws -> (folder: TemporaryDirectory, database: String) {
        let folder = try TemporaryDirectory()
        let copy = folder.path("catalog.sqlite")
        try FileManager.default.copyItem(atPath: database, toPath: copy)
        return (folder, copy)
    }
}

/// Every input of the hostile corpus is refused: a non-zero exit (no crash, no signal), within
/// 10 seconds and 500 MB, a first line on stderr that starts with `Error:` and names the file,
/// and a database left byte for byte as it was.
@Suite(.enabled(if: !TestPostgres.commandsUsePostgres, "compares the catalog's SQLite files"))
struct HostileInputTests {
    static let timeLimit = 10.0
    static let memoryLimit = 500 << 20

    @Test func theCorpusCoversEveryReader() {
        let counts = Dictionary(grouping: HostileInput.all, by: \.reader).mapValues(\.count)
        for reader in HostileInput.readers + ["options"] {
            #expect(counts[reader, default: 0] >= 10, "\(reader): \(counts[reader, default: 0]) inputs")
        }
        #expect(HostileInput.all.count >= 200)
    }

    @Test(arguments: HostileInput.all)
    func isRefused(_ input: HostileInput) throws {
        let catalog = try HostileCatalog.shared.get()
        let (folder, database) = try catalog.copy()
        let run = BoundedRun(workingDirectory: folder.url, timeLimit: Self.timeLimit)
        let stdin = input.standardInput.map { catalog.folder.appendingPathComponent($0).path }
        let result = try run.run(input.arguments + ["--db", database], input: stdin)
        let first = result.errorLines.first ?? ""
        #expect(!result.timedOut, "ran for over \(Self.timeLimit) s")
        #expect(result.signal == nil, "ended by signal \(result.signal ?? 0): \(result.stderr.prefix(2000))")
        #expect(result.status.map { $0 != 0 } ?? false, "exit status 0: \(result.stderr.prefix(500))")
        #expect(result.peakMemory < Self.memoryLimit, "peak memory \(result.peakMemory >> 20) MB")
        #expect(first.hasPrefix("Error: "), "first line: \(first.prefix(500))")
        if let file = input.file {
            #expect(result.stderr.contains(file), "the message does not name the file: \(first.prefix(500))")
        }
        #expect(result.stderr.utf8.count < 2 << 20, "stderr is \(result.stderr.utf8.count) bytes")
        #expect(!result.stderr.contains("Fatal error"), "\(result.stderr.prefix(2000))")
        #expect(try DatabaseFiles.contents(database) == catalog.contents, "the database changed")
    }

    @Test(arguments: AcceptedInput.all)
    func isAcceptedAndEchoedSafely(_ input: AcceptedInput) throws {
        let catalog = try HostileCatalog.shared.get()
        let (folder, database) = try catalog.copy()
        let run = BoundedRun(workingDirectory: folder.url, timeLimit: Self.timeLimit)
        var runs = [try run.run(HostileInput.command(input.reader, input.file) + ["--db", database])]
        #expect(runs[0].status == 0, "\(runs[0].stderr.prefix(1000))")
        if input.reader == "billing" {
            for by in ["app", "cost-center", "product"] {
                let report = try run.run(["cost", "report", "--by", by, "--format", "csv", "--db", database])
                #expect(report.status == 0, "\(report.stderr.prefix(1000))")
                FormulaNeutralizationTests.expectNeutral(FormulaNeutralizationTests.records(String(decoding: report.stdout, as: UTF8.self)))
                runs.append(report)
            }
            runs.append(try run.run(["cost", "report", "--by", "cost-center", "--db", database]))
        }
        for result in runs {
            #expect(!result.timedOut && result.signal == nil && result.peakMemory < Self.memoryLimit)
            let text = String(decoding: result.stdout, as: UTF8.self) + result.stderr
            let control = text.unicodeScalars.first { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" }
            #expect(control == nil, "a control character reaches the terminal: U+\(String(control?.value ?? 0, radix: 16))")
        }
    }
}
