import CatalogModel
import Testing

@Suite struct InvocationResolverTests {
    let resolver = InvocationResolver(catalog: TestCatalog.snapshot)

    @Test func crossRegionUsesTheProfileRoutedFromTheRegionWithEveryDestinationModelArn() throws {
        let resolution = try resolver.resolve(modelId: TestCatalog.sonnet, region: "ap-northeast-1", account: "123456789012")
        #expect(resolution.profileId == "apac.\(TestCatalog.sonnet)")
        #expect(resolution.modelSourceArn
            == "arn:aws:bedrock:ap-northeast-1:123456789012:inference-profile/apac.\(TestCatalog.sonnet)")
        #expect(resolution.destinationRegions == ["ap-northeast-1", "ap-northeast-3", "ap-southeast-2"])
        #expect(resolution.foundationModelArns == resolution.destinationRegions.map {
            "arn:aws:bedrock:\($0)::foundation-model/\(TestCatalog.sonnet)"
        })
        #expect(resolution.warnings.isEmpty)
    }

    @Test(arguments: [
        ("ap-northeast-1", "jp"),  // jp is narrower than apac, and both before global
        ("ca-central-1", "ca"),    // ca is narrower than us
        ("us-west-1", "us"),
    ])
    func theNarrowestGeographyCallableFromTheRegionWins(region: String, geography: String) throws {
        let resolution = try resolver.resolve(modelId: TestCatalog.haiku45, region: region)
        #expect(resolution.geography == geography)
    }

    @Test func destinationsDependOnTheSourceRegion() throws {
        let fromEast = try resolver.resolve(modelId: TestCatalog.haiku45, region: "us-east-1")
        let fromWest1 = try resolver.resolve(modelId: TestCatalog.haiku45, region: "us-west-1")
        #expect(fromEast.destinationRegions == ["us-east-1", "us-east-2", "us-west-2"])
        #expect(fromWest1.destinationRegions == ["us-east-1", "us-east-2", "us-west-1", "us-west-2"])
    }

    @Test func aGeographyCanBeChosen() throws {
        let resolution = try resolver.resolve(modelId: TestCatalog.haiku45, region: "ap-northeast-1", geography: "apac")
        #expect(resolution.profileId == "apac.\(TestCatalog.haiku45)")
    }

    @Test func globalRoutesToEveryCommercialRegionWithBedrockAndNamesTheRegionlessArn() throws {
        let resolution = try resolver.resolve(modelId: TestCatalog.haiku45, region: "us-east-1", geography: "global")
        let commercial = ["ap-northeast-1", "ap-northeast-3", "ap-southeast-2", "ca-central-1", "eu-central-1",
                          "eu-west-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"]
        #expect(resolution.destinationRegions == commercial)
        #expect(resolution.foundationModelArns.first == "arn:aws:bedrock:::foundation-model/\(TestCatalog.haiku45)")
        #expect(resolution.foundationModelArns.count == commercial.count + 1)
        #expect(!resolution.destinationRegions.contains("ap-east-1"))  // no Bedrock there
        #expect(!resolution.destinationRegions.contains("us-gov-west-1"))  // another partition
    }

    @Test func withoutAnAccountTheArnCarriesTheCloudFormationPseudoParameter() throws {
        let resolution = try resolver.resolve(modelId: TestCatalog.haiku45, region: "us-east-1")
        #expect(resolution.modelSourceArn
            == "arn:aws:bedrock:us-east-1:${AWS::AccountId}:inference-profile/us.\(TestCatalog.haiku45)")
    }

    @Test func anUnlistedProfileIsUsedWithAWarningOnlyWhenNoListedOneIsCallable() throws {
        let resolution = try resolver.resolve(modelId: TestCatalog.sonnet, region: "us-east-1")
        #expect(resolution.profileStatus == .unlisted)
        #expect(resolution.warnings == [
            "profile \"us.\(TestCatalog.sonnet)\" is no longer listed by AWS (last seen 2026-04-02); calls may fail",
        ])
    }

    @Test func aProfileWithoutRoutesFallsBackToItsGeographyWithAWarning() throws {
        let resolution = try resolver.resolve(modelId: TestCatalog.haiku45, region: "eu-west-1", geography: "eu")
        #expect(resolution.destinationRegions == ["eu-central-1", "eu-west-1"])
        #expect(resolution.warnings.contains { $0.contains("no listing has shown the routes") })
    }

    @Test func singleRegionUsesTheFoundationModelInTheRegion() throws {
        let resolution = try resolver.resolve(modelId: TestCatalog.nova, region: "us-east-1", crossRegion: false)
        #expect(resolution.profileId == nil)
        #expect(resolution.modelSourceArn == "arn:aws:bedrock:us-east-1::foundation-model/\(TestCatalog.nova)")
        #expect(resolution.destinationRegions == ["us-east-1"])
    }

    @Test func legacyModelsWarnAndNameActiveAlternativesOfTheSameFamilyFirst() throws {
        let resolution = try resolver.resolve(modelId: TestCatalog.haiku, region: "us-east-1", crossRegion: false)
        #expect(resolution.warnings == [
            "model \"\(TestCatalog.haiku)\" is LEGACY since 2026-06-01 and reached end of life on 2026-12-01; "
                + "ACTIVE models of its family callable from \"us-east-1\": \(TestCatalog.haiku45); "
                + "other ACTIVE Anthropic models: \(TestCatalog.sonnet)",
        ])
    }

    @Test func anOlderGenerationIsNotSuggestedAsTheFamilysReplacement() throws {
        var catalog = TestCatalog.snapshot
        catalog.models[TestCatalog.haiku45]?.lifecycle = .legacy
        catalog.models[TestCatalog.haiku]?.lifecycle = .active
        let warning = try InvocationResolver(catalog: catalog)
            .resolve(modelId: TestCatalog.haiku45, region: "us-east-1").warnings[0]
        #expect(!warning.contains("of its family"), "\(warning)")
        #expect(warning.hasSuffix("ACTIVE Anthropic models callable from \"us-east-1\": \(TestCatalog.sonnet), "
            + "\(TestCatalog.haiku)"))
    }

    @Test func aLegacyDateToComeIsWordedAsToCome() throws {
        let early = InvocationResolver(catalog: TestCatalog.snapshot, today: "2026-05-31")
        let warning = try early.resolve(modelId: TestCatalog.haiku, region: "us-east-1", crossRegion: false).warnings[0]
        #expect(warning.hasPrefix("model \"\(TestCatalog.haiku)\" becomes LEGACY on 2026-06-01 and reaches end of life "
            + "on 2026-12-01;"))
        let between = InvocationResolver(catalog: TestCatalog.snapshot, today: "2026-07-01")
        #expect(try between.resolve(modelId: TestCatalog.haiku, region: "us-east-1", crossRegion: false).warnings[0]
            .hasPrefix("model \"\(TestCatalog.haiku)\" is LEGACY since 2026-06-01 and reaches end of life on 2026-12-01;"))
    }

    /// Asked for a geography whose profiles are not callable from the Region, the answer names
    /// that geography's profiles and where they are callable from, and the model's profiles that
    /// are callable from the Region, so it does not read as a contradiction.
    @Test func aGeographyNotCallableFromTheRegionNamesWhatIs() {
        #expect(throws: CatalogError.noProfileFromRegion(
            modelId: TestCatalog.haiku45, region: "ap-northeast-3", geography: "apac",
            profiles: ["apac.\(TestCatalog.haiku45)"], callableFrom: ["ap-northeast-1"],
            callableHere: [], inAnyGeography: true, onDemandHere: false, onDemandRegions: [])) {
            try resolver.resolve(modelId: TestCatalog.haiku45, region: "ap-northeast-3", geography: "apac")
        }
        do {
            _ = try resolver.resolve(modelId: TestCatalog.haiku45, region: "ca-central-1", geography: "apac")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "model \"\(TestCatalog.haiku45)\" has no system-defined inference profile in "
                + "geography \"apac\" callable from \"ca-central-1\"; its apac profiles (apac.\(TestCatalog.haiku45)) are "
                + "callable only from: ap-northeast-1; from \"ca-central-1\" it is callable through "
                + "ca.\(TestCatalog.haiku45) (geography ca), us.\(TestCatalog.haiku45) (geography us)")
        }
    }

    @Test func errorsNameWhatWouldWorkInstead() {
        #expect(throws: CatalogError.unknownRegion(code: "us-east-9", suggestions: ["us-east-1", "us-east-2"])) {
            try resolver.resolve(modelId: TestCatalog.nova, region: "us-east-9")
        }
        #expect(throws: CatalogError.regionWithoutBedrock(code: "ap-east-1", partitionRegions: [
            "ap-northeast-1", "ap-northeast-3", "ap-southeast-2", "ca-central-1", "eu-central-1", "eu-west-1",
            "us-east-1", "us-east-2", "us-west-1", "us-west-2",
        ])) {
            try resolver.resolve(modelId: TestCatalog.nova, region: "ap-east-1")
        }
        #expect(throws: CatalogError.profileIdGivenAsModel(profileId: "us.\(TestCatalog.nova)", modelId: TestCatalog.nova)) {
            try resolver.resolve(modelId: "us.\(TestCatalog.nova)", region: "us-east-1")
        }
        #expect(throws: CatalogError.onlyThroughProfiles(
            modelId: TestCatalog.sonnet, region: "ap-northeast-1", profiles: ["apac.\(TestCatalog.sonnet)"])) {
            try resolver.resolve(modelId: TestCatalog.sonnet, region: "ap-northeast-1", crossRegion: false)
        }
        #expect(throws: CatalogError.notOnDemandInRegion(
            modelId: TestCatalog.nova, region: "eu-west-1", onDemandRegions: ["us-east-1"], profiles: [])) {
            try resolver.resolve(modelId: TestCatalog.nova, region: "eu-west-1", crossRegion: false)
        }
        #expect(throws: CatalogError.noProfileFromRegion(
            modelId: TestCatalog.nova, region: "us-east-1", geography: nil, profiles: [], callableFrom: [],
            inAnyGeography: true, onDemandHere: true, onDemandRegions: ["us-east-1"])) {
            try resolver.resolve(modelId: TestCatalog.nova, region: "us-east-1")
        }
        #expect(throws: CatalogError.unknownGeography(prefix: "amer", known: ["apac", "ca", "eu", "global", "jp", "us"])) {
            try resolver.resolve(modelId: TestCatalog.nova, region: "us-east-1", geography: "amer")
        }
    }

    @Test func aRegionInNoGeographyIsNamedWithWhereProfilesAreCallable() {
        #expect(throws: CatalogError.noProfileFromRegion(
            modelId: TestCatalog.sonnet, region: "eu-central-1", geography: nil,
            profiles: ["apac.\(TestCatalog.sonnet)", "us.\(TestCatalog.sonnet)"],
            callableFrom: ["ap-northeast-1", "us-east-1"], inAnyGeography: true, onDemandHere: false,
            onDemandRegions: [])) {
            try resolver.resolve(modelId: TestCatalog.sonnet, region: "eu-central-1")
        }
        var catalog = TestCatalog.snapshot
        catalog.geographies["eu"]?.sourceRegions = ["eu-west-1"]
        do {
            _ = try InvocationResolver(catalog: catalog).resolve(modelId: TestCatalog.sonnet, region: "eu-central-1")
        } catch {
            #expect(error.description.contains("(\"eu-central-1\" is a source Region of no cross-Region geography)"))
        }
    }

    @Test func unknownModelsGetCloseSuggestions() {
        do {
            _ = try resolver.resolve(modelId: "anthropic.claude-3-haiku", region: "us-east-1")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "model \"anthropic.claude-3-haiku\" is not in the catalog (did you mean "
                + "\"\(TestCatalog.haiku)\"?); `deploycat catalog models` lists the models")
        }
    }

    /// A snapshot that resolved once and then changed resolves from its new profiles and Regions.
    @Test func aChangedSnapshotResolvesFromItsNewEntries() throws {
        var catalog = TestCatalog.snapshot
        let before = try InvocationResolver(catalog: catalog).resolve(modelId: TestCatalog.haiku45, region: "us-east-1",
                                                                      geography: "global")
        catalog.regions["eu-south-2"] = Region(code: "eu-south-2", name: "Spain", partition: "aws", bedrock: true)
        catalog.profiles["us.\(TestCatalog.haiku45)"] = nil
        let resolver = InvocationResolver(catalog: catalog)
        let after = try resolver.resolve(modelId: TestCatalog.haiku45, region: "us-east-1", geography: "global")
        #expect(after.destinationRegions == (before.destinationRegions + ["eu-south-2"]).sorted())
        #expect(try InvocationResolver(catalog: TestCatalog.snapshot).resolve(modelId: TestCatalog.haiku45, region: "us-east-1")
            .geography == "us")
        #expect(try resolver.resolve(modelId: TestCatalog.haiku45, region: "us-east-1").geography == "global")
        #expect(catalog != TestCatalog.snapshot)
    }
}
