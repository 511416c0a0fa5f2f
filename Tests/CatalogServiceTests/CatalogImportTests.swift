import CatalogModel
@testable import CatalogService
import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

@Suite struct CatalogImportTests {

    @Test(arguments: Engine.available) func importingModelsRecordsEachChangeInOneRevision(engine: Engine) throws {
        let service = try ModelCatalogService(repository: engine.newCatalog())
        let result = try service.importModels(
            file: PackagePaths.fixture("list-foundation-models-us-west-2.json"), region: "us-west-2", prune: true)
        #expect(result.update.revision == 2)
        #expect(result.update.changes.map(\.description) == [
            "model amazon.nova-lite-v1:0 lifecycle ACTIVE -> LEGACY",
            "model amazon.nova-lite-v1:0 legacy date none -> 2026-09-01",
            "model amazon.nova-lite-v1:0 end-of-life date none -> 2027-03-01",
            "model meta.llama3-8b-instruct-v1:0 regions -us-west-2",
        ])
        #expect(try service.changeLog(limit: 1).first?.origin
            == "import-models \(PackagePaths.fixture("list-foundation-models-us-west-2.json")) --region us-west-2 --prune")
    }

    @Test(arguments: Engine.available) func importingTheSameListingTwiceChangesNothing(engine: Engine) throws {
        let service = try ModelCatalogService(repository: engine.newCatalog())
        let file = PackagePaths.fixture("list-foundation-models-us-west-2.json")
        _ = try service.importModels(file: file, region: "us-west-2", prune: false)
        let again = try service.importModels(file: file, region: "us-west-2", prune: false)
        #expect(again.update == CatalogUpdate(revision: nil, changes: []))
    }

    @Test(arguments: Engine.available) func importingProfilesRecordsNewDestinations(engine: Engine) throws {
        let service = try ModelCatalogService(repository: engine.newCatalog())
        let result = try service.importProfiles(
            file: PackagePaths.fixture("list-inference-profiles-us-west-1.json"), region: "us-west-1", prune: false)
        #expect(result.update.changes.map(\.description) == [
            "profile us.amazon.nova-pro-v1:0 destinations from us-west-1 +ca-central-1",
        ])
        let resolution = try service.resolve(modelId: "amazon.nova-pro-v1:0", region: "us-west-1", crossRegion: true)
        #expect(resolution.destinationRegions == ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"])
    }

    @Test(arguments: Engine.available) func aCatalogDocumentAddsAndUpdatesEntries(engine: Engine) throws {
        let service = try ModelCatalogService(repository: engine.newCatalog())
        let result = try service.apply(file: PackagePaths.fixture("catalog-update.yaml"))
        #expect(result.update.changes.map(\.description) == [
            "region ap-southeast-8 added: Asia Pacific (Example) (aws)",
            "geography apac sources +ap-southeast-8",
            "model amazon.nova-micro-v1:0 input price per 1k 0.000035 -> 0.00004",
            "model amazon.titan-text-express-v1 lifecycle none -> LEGACY",
            "model amazon.titan-text-express-v1 legacy date none -> 2026-12-01",
            "model amazon.titan-text-express-v1 end-of-life date none -> 2027-06-01",
            "profile apac.amazon.nova-micro-v1:0 sources +ap-southeast-8",
        ])
        let resolution = try service.resolve(modelId: "amazon.nova-micro-v1:0", region: "ap-southeast-8", crossRegion: true)
        #expect(resolution.profileId == "apac.amazon.nova-micro-v1:0")
    }

    @Test(arguments: Engine.available) func filtersNameUnknownValues(engine: Engine) throws {
        let service = try ModelCatalogService(repository: engine.newCatalog())
        #expect(throws: CatalogError.unknownGeography(
            prefix: "amer", known: ["apac", "au", "ca", "eu", "global", "in", "jp", "us", "us-gov"])) {
            try service.profiles(geography: "amer")
        }
        #expect(try service.models(provider: "anthropic", region: "eu-west-1").allSatisfy {
            $0.provider == "Anthropic" && $0.regions.contains("eu-west-1")
        })
        #expect(try service.profiles(geography: "jp").allSatisfy { $0.id.hasPrefix("jp.") })
    }
}
