import CatalogTestSupport
import Foundation
import Testing

/// A Region dropped from a spec is retired: export stops writing it (and removes the file it
/// wrote before), `template` shows it only by version, `versions` marks it.
@Suite struct RetiredRegionTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    let spec: String
    let out: String

    static let twoRegions = """
        name: shared-profile
        team: data-platform
        pattern: application-inference-profile
        regions: [us-east-1, us-west-2]
        properties:
          modelSource: { crossRegion: { geography: us, model: amazon.nova-pro-v1:0 } }

        """

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
        spec = folder.path("shared-profile.yaml")
        out = folder.path("out")
        try Self.twoRegions.write(toFile: spec, atomically: true, encoding: .utf8)
        for arguments in [["apply", "-f", spec], ["synth", "--all"], ["export", "--out", out]] {
            let result = try deploycat.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        // The spec drops us-west-2 (spec revision 2).
        try Self.twoRegions.replacingOccurrences(of: "[us-east-1, us-west-2]", with: "[us-east-1]")
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let applied = try deploycat.run("apply", "-f", spec)
        #expect(applied.errorLines == ["app \"shared-profile\" no longer names us-west-2: its templates there are "
            + "retired (`deploycat export` stops writing them; `deploycat versions shared-profile` still lists them)",
            "run `deploycat regenerate shared-profile` to build their templates (`--dry-run` first shows what changes)"])
        #expect(try deploycat.run("synth", "--all").status == 0)
    }

    var westFile: String { (out as NSString).appendingPathComponent("shared-profile/us-west-2.template.json") }

    @Test func exportSkipsTheRetiredRegionAndRemovesTheFileItWrote() throws {
        #expect(FileManager.default.fileExists(atPath: westFile))
        let export = try deploycat.run("export", "--out", out)
        #expect(export.status == 0)
        #expect(export.stdout.split(separator: "\n").map { String($0.suffix(38)) }
            == ["shared-profile/us-east-1.template.json"])
        #expect(!FileManager.default.fileExists(atPath: westFile))
        #expect(export.stderr.contains("removed \(westFile): spec revision 2 of shared-profile no longer names us-west-2"))
    }

    @Test func exportLeavesAFileItDidNotWriteAndSaysSo() throws {
        try "{}\n".write(toFile: westFile, atomically: true, encoding: .utf8)
        let export = try deploycat.run("export", "--out", out)
        #expect(export.status == 0)
        #expect(FileManager.default.fileExists(atPath: westFile))
        #expect(export.stderr.contains("warning: left \(westFile): its Region was removed from the spec in revision 2"))
    }

    @Test func templateShowsARetiredRegionOnlyByVersion() throws {
        let latest = try deploycat.run("template", "shared-profile", "--region", "us-west-2")
        #expect(latest.status != 0 && latest.stdout.isEmpty)
        #expect(latest.errorLines == ["Error: app \"shared-profile\" no longer deploys to \"us-west-2\": spec revision 2 "
            + "removed it; its templates stay readable with --version 1"])
        let byVersion = try deploycat.run("template", "shared-profile", "--region", "us-west-2", "--version", "1")
        #expect(byVersion.status == 0 && byVersion.stdout.contains("AWS::Bedrock::ApplicationInferenceProfile"))
        #expect(byVersion.errorLines == ["note: retired template: spec revision 2 of shared-profile removed us-west-2"])
        let other = try deploycat.run("template", "shared-profile", "--region", "eu-west-1")
        #expect(other.errorLines == ["Error: app \"shared-profile\" has no template for \"eu-west-1\"; its Regions: us-east-1"])
    }

    @Test func versionsMarksTheRetiredRegion() throws {
        let table = try deploycat.run("versions", "shared-profile").stdout.split(separator: "\n")
        #expect(table.count == 3)
        #expect(table[1].hasPrefix("us-east-1") && table[1].hasSuffix("latest"))
        #expect(table[2].hasPrefix("us-west-2") && table[2].hasSuffix("retired: spec rev 2 removed the Region"))
        let json = try JSONSerialization.jsonObject(with: Data(try deploycat.run("versions", "shared-profile", "--json")
            .stdout.utf8)) as? [[String: Any]]
        #expect(json?.map { $0["retiredInSpecRevision"] as? Int } == [nil, 2])
    }

    @Test func theProgramsVersionIsOnlyAtTheRoot() throws {
        #expect(try deploycat.run("--version").stdout == "0.1.0\n")
        let help = try deploycat.run("template", "--help").stdout
        #expect(help.components(separatedBy: "\n  --version").count == 2, "one --version option: \(help)")
    }
}
