import CatalogTestSupport
import Foundation
import Testing

/// Every bad input gets one line on stderr naming the file and field, a non-zero exit code,
/// nothing on stdout, and a database left exactly as it was.
@Suite struct BadInputTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    let database: String

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
        database = deploycat.database
        _ = try deploycat.run("catalog", "geos", "--db", database)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs the command against the database and checks the shared promises; returns stderr's line.
    func rejected(_ arguments: String...) throws -> String {
        let before = try DatabaseFiles.contents(database)
        let result = try deploycat.run(arguments + ["--db", database])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.errorLines.count == 1, "expected one line, got: \(result.stderr)")
        #expect(try DatabaseFiles.contents(database) == before, "the database changed")
        return result.errorLines.first ?? ""
    }

    @Test func malformedJSON() throws {
        let file = try write("models.json", #"{"modelSummaries": [{"modelId": "amazon.nova-pro-v1:0",}"#)
        let line = try rejected("catalog", "import-models", file, "--region", "us-east-1")
        #expect(line.hasPrefix("Error: \(file): is not valid JSON"))
    }

    @Test func aFileOfTheWrongShape() throws {
        let file = try write("models.json", #"{"models": []}"#)
        #expect(try rejected("catalog", "import-models", file, "--region", "us-east-1")
            == "Error: \(file): modelSummaries: is required but missing")
        let listFile = try write("list.json", #"{"modelSummaries": {"modelId": "x"}}"#)
        #expect(try rejected("catalog", "import-models", listFile, "--region", "us-east-1")
            == "Error: \(listFile): modelSummaries: expected a list")
    }

    @Test func anUnknownRegion() throws {
        let file = PackagePaths.fixture("list-foundation-models-us-west-2.json")
        #expect(try rejected("catalog", "import-models", file, "--region", "us-west-9")
            == "Error: Region \"us-west-9\" is not in the catalog (did you mean \"us-west-1\" or \"us-west-2\"?); "
            + "`deploycat catalog regions` lists the Regions")
    }

    @Test func anInvalidModelId() throws {
        let file = try write("models.json", """
            {"modelSummaries": [{"modelArn": "arn:aws:bedrock:us-east-1::foundation-model/Nova Pro",
                                 "modelId": "Nova Pro", "providerName": "Amazon"}]}
            """)
        let line = try rejected("catalog", "import-models", file, "--region", "us-east-1")
        #expect(line == "Error: \(file): modelSummaries[0].modelId: \"Nova Pro\" is not a model id such as "
            + "\"anthropic.claude-3-5-sonnet-20241022-v2:0\" (lowercase provider.name[:version], at most 140 characters)")
    }

    @Test func anEmptyFile() throws {
        let file = try write("empty.yaml", "\n  \n")
        #expect(try rejected("catalog", "apply", "-f", file) == "Error: \(file): is empty")
    }

    @Test func aFiftyMegabyteFile() throws {
        let file = folder.path("huge.json")
        #expect(FileManager.default.createFile(atPath: file, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        #expect(try rejected("catalog", "import-profiles", file, "--region", "us-east-1")
            == "Error: \(file): is 50.0 MB; files up to 10.0 MB are read")
    }

    @Test func malformedYAML() throws {
        let file = try write("catalog.yaml", "models:\n  - id: amazon.nova-pro-v1:0\n   lifecycle: [LEGACY\n")
        #expect(try rejected("catalog", "apply", "-f", file)
            == "Error: \(file): is not valid YAML: line 3, column 4: did not find expected '-' indicator "
            + "(while parsing a block collection that starts on line 2, column 3)")
    }

    @Test func anUnknownKeyInACatalogDocument() throws {
        let file = try write("catalog.yaml", "models:\n  - id: amazon.nova-pro-v1:0\n    lifecyle: LEGACY\n")
        #expect(try rejected("catalog", "apply", "-f", file) == "Error: \(file): models[0].lifecyle (line 3): unknown key "
            + "\"lifecyle\" (did you mean \"lifecycle\"?); allowed: id, provider, name, inputModalities, "
            + "outputModalities, inferenceTypes, lifecycle, legacyDate, endOfLifeDate, regions, batch")
    }

    @Test func conflictingOptions() throws {
        let line = try rejected("catalog", "resolve", "amazon.nova-pro-v1:0", "--region", "us-east-1", "--single-region",
                                "--geo", "us")
        #expect(line == "Error: --geo picks a cross-Region profile, so it cannot be combined with --single-region")
    }

    @Test func aProfileIdGivenAsAModelId() throws {
        #expect(try rejected("catalog", "resolve", "us.amazon.nova-pro-v1:0", "--region", "us-east-1")
            == "Error: \"us.amazon.nova-pro-v1:0\" is a system-defined profile id, not a model id; give the model id "
            + "\"amazon.nova-pro-v1:0\" and the Region, and deploycat picks the profile")
    }

    @Test func aCorruptDatabaseIsNamedAndLeftAlone() throws {
        let corrupt = folder.path("corrupt.sqlite")
        let garbage = Data(repeating: 0x5A, count: 4096)
        try garbage.write(to: URL(fileURLWithPath: corrupt))
        let result = try deploycat.run("catalog", "models", "--db", corrupt)
        #expect(result.status != 0)
        #expect(result.errorLines == ["Error: database \(corrupt) is not an SQLite database or is corrupt; restore it "
            + "from a backup or name another file with --db"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: corrupt)) == garbage)
    }

    @Test(.enabled(if: DeployCatProcess.canRunUnprivileged, "needs setpriv to drop root's rights"))
    func aReadOnlyDatabaseIsNamedAndLeftAlone() throws {
        let database = folder.path("catalog.sqlite")
        _ = try deploycat.run("catalog", "geos", "--db", database)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: database)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.url.path) }
        let before = try DatabaseFiles.contents(database)
        var user = deploycat
        user.unprivileged = true
        let result = try user.run("catalog", "apply", "-f", PackagePaths.fixture("catalog-update.yaml"), "--db", database)
        #expect(result.status != 0)
        #expect(result.errorLines == ["Error: database \(database) is read-only; make it writable (and its folder, "
            + "which holds the -wal and -shm files) or name another file with --db"])
        #expect(try DatabaseFiles.contents(database) == before)
    }
}
