import CatalogTestSupport
import Foundation
import Testing

/// Commands that change the catalog preview with --dry-run (writing nothing) and refuse a
/// change that would stop apps' specs from checking out, unless --force.
@Suite struct CatalogChangeTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    let database: String
    let listing: String

    /// One profile listed from us-east-1: with --prune, every other profile loses its us-east-1 route.
    static let oneProfile = """
        {"inferenceProfileSummaries": [{"inferenceProfileName": "US Nova Pro",
          "inferenceProfileArn": "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0",
          "inferenceProfileId": "us.amazon.nova-pro-v1:0", "status": "ACTIVE", "type": "SYSTEM_DEFINED",
          "models": [{"modelArn": "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"},
                     {"modelArn": "arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-pro-v1:0"}]}]}
        """

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
        database = deploycat.database
        listing = folder.path("profiles.json")
        try Self.oneProfile.write(toFile: listing, atomically: true, encoding: .utf8)
        for arguments in [["apply", "-f", PackagePaths.root.appendingPathComponent("examples").path], ["synth", "--all"]] {
            #expect(try deploycat.run(arguments + ["--db", database]).status == 0)
        }
    }

    func bytes() throws -> Data { try DatabaseFiles.contents(database) }

    @Test func aDryRunPrintsWhatWouldChangeAndWritesNothing() throws {
        let before = try bytes()
        let result = try deploycat.run("catalog", "import-profiles", listing, "--region", "us-east-1", "--prune",
                                       "--dry-run", "--db", database)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("dry run, nothing written: the catalog would get ") == true)
        #expect(lines.contains("  profile us.anthropic.claude-haiku-4-5-20251001-v1:0 sources -us-east-1"))
        // Every app on a model one of the changed profiles routes is named, ten at most.
        #expect(lines.contains { $0.hasPrefix("templates built from what would change: ") && $0.contains(" more") })
        #expect(lines.contains("apps whose specs would stop checking out (the change is refused without --force):"))
        #expect(lines.contains { $0.hasPrefix("  app \"support-chat\" regions[0]: model \"anthropic.claude-haiku-4-5") })
        #expect(try bytes() == before)
        #expect(try deploycat.run("catalog", "log", "--limit", "1", "--db", database).stdout.contains("default catalog"))
    }

    @Test func aChangeThatBreaksAppsIsRefusedNamingThem() throws {
        let before = try bytes()
        let result = try deploycat.run("catalog", "import-profiles", listing, "--region", "us-east-1", "--prune",
                                       "--db", database)
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.errorLines.first == "Error: the change would stop 2 apps' specs from checking out against the "
            + "catalog, so nothing was changed:")
        #expect(result.stderr.contains("app \"analytics-profile\" regions[0]") && result.stderr.contains("app \"support-chat\" regions[0]"))
        #expect(result.errorLines.last?.hasPrefix("--dry-run shows every change; --force makes it anyway") == true)
        #expect(try bytes() == before)
    }

    @Test func forceMakesTheChangeAndNamesTheAppsItBroke() throws {
        let result = try deploycat.run("catalog", "import-profiles", listing, "--region", "us-east-1", "--prune",
                                       "--force", "--db", database)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("catalog revision 2: "))
        #expect(result.stdout.contains("apps whose specs no longer check out (`synth` fails for them until their specs change):"))
        let synth = try deploycat.run("synth", "support-chat", "--db", database)
        #expect(synth.status != 0)
    }

    @Test func catalogApplyReadsStandardInputAndPreviews() throws {
        let document = "models:\n  - id: anthropic.claude-3-haiku-20240307-v1:0\n    lifecycle: LEGACY\n"
        let before = try bytes()
        let preview = try deploycat.run(["catalog", "apply", "-f", "-", "--dry-run", "--db", database], input: document)
        #expect(preview.stdout == "dry run, nothing written: the catalog would get 1 change\n"
            + "  model anthropic.claude-3-haiku-20240307-v1:0 lifecycle ACTIVE -> LEGACY\n", "\(preview.stderr)")
        #expect(try bytes() == before)
        let applied = try deploycat.run(["catalog", "apply", "-f", "-", "--db", database], input: document)
        #expect(applied.stdout.hasPrefix("catalog revision 2: 1 change\n"))
        #expect(try deploycat.run("catalog", "log", "--limit", "1", "--db", database).stdout.contains("apply <stdin>"))
    }
}
