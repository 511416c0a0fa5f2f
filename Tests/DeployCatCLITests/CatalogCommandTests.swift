import CatalogTestSupport
import Foundation
import Testing

@Suite struct CatalogCommandTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
    }

    @Test func resolvePrintsTheProfileArnAndDestinationsAsJSON() throws {
        let result = try deploycat.run("catalog", "resolve", "anthropic.claude-3-5-sonnet-20241022-v2:0",
                                       "--region", "ap-northeast-1", "--account", "123456789012", "--json")
        #expect(result.status == 0)
        let object = try #require(try json(result) as? [String: Any])
        #expect(object["profileId"] as? String == "apac.anthropic.claude-3-5-sonnet-20241022-v2:0")
        #expect(object["modelSourceArn"] as? String == "arn:aws:bedrock:ap-northeast-1:123456789012:inference-profile/"
            + "apac.anthropic.claude-3-5-sonnet-20241022-v2:0")
        #expect(object["destinationRegions"] as? [String] == [
            "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-1", "ap-southeast-2",
        ])
    }

    @Test func singleRegionResolutionHasANullProfile() throws {
        let result = try deploycat.run("catalog", "resolve", "amazon.titan-embed-text-v2:0", "--region", "us-east-1",
                                       "--single-region", "--json")
        #expect(result.status == 0)
        let object = try #require(try json(result) as? [String: Any])
        #expect(object["profileId"] is NSNull)
        #expect(object["modelSourceArn"] as? String == "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0")
    }

    @Test func listsAreJSONArraysOfObjects() throws {
        let geos = try #require(try json(deploycat.run("catalog", "geos", "--json")) as? [[String: Any]])
        #expect(geos.compactMap { $0["prefix"] as? String }
            == ["apac", "au", "ca", "eu", "global", "in", "jp", "us", "us-gov"])
        let models = try #require(try json(deploycat.run("catalog", "models", "--provider", "Amazon", "--json"))
            as? [[String: Any]])
        #expect(!models.isEmpty && models.allSatisfy { $0["provider"] as? String == "Amazon" })
        let profiles = try #require(try json(deploycat.run("catalog", "profiles", "--geo", "jp", "--json"))
            as? [[String: Any]])
        #expect(profiles.count == 8)
        let model = try #require(try json(deploycat.run("catalog", "model", "amazon.nova-pro-v1:0", "--json"))
            as? [String: Any])
        #expect((model["model"] as? [String: Any])?["id"] as? String == "amazon.nova-pro-v1:0")
        let log = try #require(try json(deploycat.run("catalog", "log", "--limit", "3", "--json")) as? [[String: Any]])
        #expect(log.count == 3 && log.allSatisfy { $0["revision"] as? Int == 1 })
    }

    @Test func theDatabaseComesFromTheOptionTheEnvironmentOrTheWorkingDirectory() throws {
        var deploycat = deploycat
        deploycat.environment["DEPLOYCAT_DB"] = nil
        _ = try deploycat.run("catalog", "geos")
        #expect(FileManager.default.fileExists(atPath: folder.path("deploycat.sqlite")))
        var withEnvironment = deploycat
        withEnvironment.environment["DEPLOYCAT_DB"] = folder.path("from-env.sqlite")
        _ = try withEnvironment.run("catalog", "geos")
        #expect(FileManager.default.fileExists(atPath: folder.path("from-env.sqlite")))
        _ = try withEnvironment.run("catalog", "geos", "--db", folder.path("from-option.sqlite"))
        #expect(FileManager.default.fileExists(atPath: folder.path("from-option.sqlite")))
    }

    @Test func importsPrintWhatChanged() throws {
        let result = try deploycat.run("catalog", "import-profiles",
                                       PackagePaths.fixture("list-inference-profiles-us-west-1.json"),
                                       "--region", "us-west-1")
        #expect(result.status == 0)
        #expect(result.stdout == """
            catalog revision 2: 1 change
              profile us.amazon.nova-pro-v1:0 destinations from us-west-1 +ca-central-1

            """)
        let again = try deploycat.run("catalog", "import-profiles",
                                      PackagePaths.fixture("list-inference-profiles-us-west-1.json"),
                                      "--region", "us-west-1")
        #expect(again.stdout == "no changes: the catalog already holds all of it\n")
    }

    @Test func anImportNamesTheTemplatesBuiltFromWhatChanged() throws {
        _ = try deploycat.run("quickstart", "--examples", PackagePaths.root.appendingPathComponent("examples").path)
        let result = try deploycat.run("catalog", "import-profiles",
                                       PackagePaths.fixture("list-inference-profiles-us-west-1.json"),
                                       "--region", "us-west-1")
        #expect(result.stdout.hasSuffix("""
              profile us.amazon.nova-pro-v1:0 destinations from us-west-1 +ca-central-1
            templates built from what changed: claims-batch in us-east-1, finance-reporting-profile in us-east-1, month-end-assistant in us-east-2
            run `deploycat regenerate claims-batch finance-reporting-profile month-end-assistant` to store new versions where they change

            """))
    }

    @Test func versionAndHelpWithExamples() throws {
        #expect(try deploycat.run("--version").stdout == "0.1.0\n")
        for command in ["models", "model", "geos", "profiles", "regions", "resolve", "sagemaker-models", "import-models",
                        "import-profiles", "apply", "log"] {
            let help = try deploycat.run("catalog", command, "--help")
            #expect(help.status == 0)
            #expect(help.stdout.contains("Example"), "catalog \(command) --help has no example")
        }
    }
}
