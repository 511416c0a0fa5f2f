import CatalogModel
import CatalogStore
import CatalogTestSupport
import Testing

@Suite struct DefaultCatalogTests {
    @Test(arguments: Engine.available) func aNewCatalogHoldsTheWholeDefaultCatalogAsRevisionOne(engine: Engine) throws {
        let catalog = try engine.newCatalog()
        let snapshot = try catalog.snapshot()
        #expect(snapshot.regions.count == 46)
        #expect(snapshot.geographies.count == 9)
        #expect(snapshot.models.count == 176)
        #expect(snapshot.profiles.count == 160)
        #expect(Set(snapshot.geographies.keys) == ["us", "eu", "apac", "jp", "au", "ca", "in", "us-gov", "global"])
        #expect(try catalog.revision() == 1)
        #expect(snapshot == (try DefaultCatalog.snapshot()))
        #expect(snapshot.integrityIssues().isEmpty)
    }

    @Test(arguments: Engine.available) func batchSupportIsKnownOnlyWhereASourceStatesIt(engine: Engine) throws {
        let models = try engine.newCatalog().snapshot().models
        #expect(models.values.filter { $0.batch == true }.count == 62)
        #expect(models.values.filter { $0.batch == false }.count == 19)
        #expect(models.values.filter { $0.batch == nil }.count == 95)
        // Listed batch prices as the price file gives them; elsewhere half the on-demand price.
        let nova = try #require(models["amazon.nova-pro-v1:0"])
        #expect(nova.price == ModelPrice(inputPer1k: 0.0008, outputPer1k: 0.0032, batchInputPer1k: 0.0004,
                                         batchOutputPer1k: 0.0016))
        #expect(models["deepseek.v3.2"]?.batchPrice?.basis == .onDemandDiscount)
        #expect(models["amazon.titan-text-express-v1"]?.batchPrice == nil)
        #expect(try engine.newCatalog().snapshot().sagemakerModels.isEmpty)
    }

    @Test(arguments: Engine.available) func profilesNoLongerListedAreKeptAsUnlisted(engine: Engine) throws {
        let snapshot = try engine.newCatalog().snapshot()
        let unlisted = snapshot.profiles.values.filter { $0.status == .unlisted }
        #expect(unlisted.count == 37)
        let old = try #require(snapshot.profiles["us.anthropic.claude-3-5-sonnet-20241022-v2:0"])
        #expect(old.status == .unlisted)
        #expect(old.lastSeen == "2026-04-02")
        #expect(old.routes["us-east-1"] == ["us-east-1", "us-east-2", "us-west-2"])
    }

    @Test(arguments: Engine.available) func everyProfileIdIsItsGeographyAndModel(engine: Engine) throws {
        let snapshot = try engine.newCatalog().snapshot()
        for profile in snapshot.profiles.values {
            #expect(profile.id == "\(profile.geography).\(profile.modelId)")
        }
    }

    @Test(arguments: Engine.available) func aGlobalProfileRoutesToEveryCommercialRegionWithBedrock(engine: Engine) throws {
        let snapshot = try engine.newCatalog().snapshot()
        let resolution = try InvocationResolver(catalog: snapshot)
            .resolve(modelId: "anthropic.claude-haiku-4-5-20251001-v1:0", region: "us-east-1", geography: "global")
        #expect(resolution.destinationRegions == snapshot.bedrockRegions(inPartition: "aws"))
        #expect(resolution.destinationRegions.count == 33)
    }

    @Test(arguments: Engine.available) func destinationsFollowTheSourceRegion(engine: Engine) throws {
        let resolver = InvocationResolver(catalog: try engine.newCatalog().snapshot())
        let east = try resolver.resolve(modelId: "amazon.nova-lite-v1:0", region: "us-east-1")
        let west1 = try resolver.resolve(modelId: "amazon.nova-lite-v1:0", region: "us-west-1")
        #expect(east.destinationRegions == ["us-east-1", "us-east-2", "us-west-2"])
        #expect(west1.destinationRegions == ["us-east-1", "us-east-2", "us-west-1", "us-west-2"])
    }
}
