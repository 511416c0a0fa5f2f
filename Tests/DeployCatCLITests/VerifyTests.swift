import CatalogTestSupport
import Foundation
import Testing

/// `verify` hashes every stored body again and names each that no longer matches.
@Suite struct VerifyTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
    }

    /// Changes one stored body behind deploycat's back (a Region in it), on whichever engine the
    /// tests use.
    func tamper(app: String, region: String) throws {
        try deploycat.executeDirectly("UPDATE templateBody SET body = replace(body, '\(region)', 'xx-west-9') WHERE sha256 IN "
            + "(SELECT sha256 FROM templateVersion WHERE appName = '\(app)' AND region = '\(region)')")
    }

    @Test func aChangedBodyIsNamedAndFailsTheCheck() throws {
        let examples = PackagePaths.root.appendingPathComponent("examples").path
        #expect(try deploycat.run("quickstart", "--examples", examples).status == 0)
        let clean = try deploycat.run("verify")
        #expect(clean.status == 0)
        #expect(clean.stdout == "checked 15 template versions of 13 apps: every body hashes to its recorded SHA-256\n")
        try tamper(app: "support-chat", region: "eu-west-1")
        let damaged = try deploycat.run("verify")
        #expect(damaged.status == 1)
        let lines = damaged.stdout.split(separator: "\n")
        #expect(lines.first == "checked 15 template versions of 13 apps: 1 body no longer hashes to the SHA-256 recorded with it:")
        #expect(lines.count == 2 && lines[1].hasPrefix("  support-chat in eu-west-1 version 1: recorded "))
        let report = try #require(try json(deploycat.run("verify", "--json")) as? [String: Any])
        let mismatches = try #require(report["mismatches"] as? [[String: Any]])
        #expect(report["versions"] as? Int == 15 && mismatches.count == 1)
        #expect(mismatches.first?["app"] as? String == "support-chat" && mismatches.first?["version"] as? Int == 1)
    }

    @Test func anAppListedWithFieldsItsSpecDoesNotSayIsNamed() throws {
        let examples = PackagePaths.root.appendingPathComponent("examples").path
        #expect(try deploycat.run("apply", "--file", examples).status == 0)
        try deploycat.executeDirectly("UPDATE app SET team = 'nobody', stage = NULL WHERE name = 'support-chat'")
        let damaged = try deploycat.run("verify")
        #expect(damaged.status == 1)
        #expect(damaged.stdout.hasSuffix("1 app is stored with listed fields that differ from its spec:\n  support-chat: team, stage\n"))
        let report = try #require(try json(deploycat.run("verify", "--json")) as? [String: Any])
        let listed = try #require(report["summaryMismatches"] as? [[String: Any]])
        #expect(listed.count == 1 && listed.first?["app"] as? String == "support-chat"
            && listed.first?["fields"] as? [String] == ["team", "stage"] && listed.first?["deleted"] as? Bool == false)
    }

    @Test func aMissingDatabaseIsAnErrorNotANewCatalog() throws {
        let result = try deploycat.run("verify", "--db", "missing.sqlite")
        #expect(result.status == 1 && !FileManager.default.fileExists(atPath: folder.path("missing.sqlite")))
    }

    @Test func anEmptyFileIsNotACatalogAndStaysEmpty() throws {
        #expect(FileManager.default.createFile(atPath: folder.path("empty.sqlite"), contents: Data()))
        let result = try deploycat.run("verify", "--db", "empty.sqlite")
        #expect(result.status == 1 && result.stderr.contains("empty.sqlite") && result.stderr.contains("is an empty file, not a catalog"))
        // Named through a symbolic link, too
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.sqlite"), withDestinationPath: folder.path("empty.sqlite"))
        let linked = try deploycat.run("verify", "--db", "link.sqlite")
        #expect(linked.status == 1 && linked.stderr.contains("is an empty file, not a catalog"))
        let size = try FileManager.default.attributesOfItem(atPath: folder.path("empty.sqlite"))[.size] as? Int
        #expect(size == 0 && !FileManager.default.fileExists(atPath: folder.path("empty.sqlite-wal")))
    }
}
