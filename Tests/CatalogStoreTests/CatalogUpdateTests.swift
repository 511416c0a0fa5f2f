import CatalogModel
import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

@Suite struct CatalogUpdateTests {
    struct Refused: Error {}

    @Test(arguments: Engine.available) func whatIsWrittenReadsBackTheSame(engine: Engine) throws {
        // Given a catalog
        let catalog = try engine.newCatalog()
        // When a model, a price, a geography and a profile's routes change
        let update = try catalog.update(origin: "test") { snapshot in
            snapshot.models["amazon.nova-pro-v1:0"]?.lifecycle = .legacy
            snapshot.models["amazon.nova-pro-v1:0"]?.price = ModelPrice(inputPer1k: 0.001, outputPer1k: nil)
            snapshot.models["amazon.nova-pro-v1:0"]?.regions.append("af-south-1")
            snapshot.geographies["eu"]?.sourceRegions.append("eu-south-1")
            snapshot.profiles["us.amazon.nova-pro-v1:0"]?.routes["us-west-1"] = ["us-east-1", "us-west-1"]
        }
        // Then reading it back gives exactly the edited values, in one new revision
        let snapshot = try catalog.snapshot()
        #expect(update.revision == 2)
        #expect(snapshot.models["amazon.nova-pro-v1:0"]?.lifecycle == .legacy)
        #expect(snapshot.models["amazon.nova-pro-v1:0"]?.price == ModelPrice(inputPer1k: 0.001, outputPer1k: nil))
        #expect(snapshot.models["amazon.nova-pro-v1:0"]?.regions.contains("af-south-1") == true)
        #expect(snapshot.geographies["eu"]?.sourceRegions.contains("eu-south-1") == true)
        #expect(snapshot.profiles["us.amazon.nova-pro-v1:0"]?.routes["us-west-1"] == ["us-east-1", "us-west-1"])
        #expect(try catalog.changeLog().prefix(update.changes.count).map { "\($0.subject) \($0.summary)" }
            == update.changes.reversed().map(\.description))
    }

    @Test(arguments: Engine.available) func batchFactsAndSageMakerModelsReadBackTheSame(engine: Engine) throws {
        // Given a catalog
        let catalog = try engine.newCatalog()
        let churn = SageMakerModel(name: "churn-xgboost", image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7",
                                   modelDataUrl: "s3://ml-artifacts/churn/model.tar.gz", defaultInstanceType: "ml.m5.xlarge",
                                   description: "Churn")
        // When batch support, batch prices and SageMaker models change
        try catalog.update(origin: "test") { snapshot in
            snapshot.models["deepseek.v3.2"]?.batch = false
            snapshot.models["ai21.j2-mid"]?.batch = true
            snapshot.models["amazon.nova-lite-v1:0"]?.price = ModelPrice(inputPer1k: nil, outputPer1k: nil,
                                                                         batchInputPer1k: 0.00003, batchOutputPer1k: nil)
            snapshot.sagemakerModels[churn.name] = churn
            snapshot.sagemakerModels["summarizer"] = SageMakerModel(
                name: "summarizer", image: "763104351884.dkr.ecr.eu-west-1.amazonaws.com/hf-inference:2.1")
        }
        // Then they read back exactly, unknown staying unknown
        let snapshot = try catalog.snapshot()
        #expect(snapshot.models["deepseek.v3.2"]?.batch == false)
        #expect(snapshot.models["ai21.j2-mid"]?.batch == true)
        #expect(snapshot.models["amazon.nova-lite-v1:0"]?.price
            == ModelPrice(inputPer1k: nil, outputPer1k: nil, batchInputPer1k: 0.00003, batchOutputPer1k: nil))
        #expect(snapshot.sagemakerModels[churn.name] == churn)
        #expect(snapshot.sagemakerModels.count == 2)
        // And removing a SageMaker model removes it, logged like any entry
        let removal = try catalog.update(origin: "remove") { $0.sagemakerModels["summarizer"] = nil }
        #expect(try catalog.snapshot().sagemakerModels.keys.sorted() == [churn.name])
        #expect(try catalog.changeLog(limit: 1).map { "\($0.subject) \($0.summary)" } == ["sagemakerModel summarizer removed"])
        #expect(removal.changes == [CatalogChange(kind: .sagemakerModel, key: "summarizer", summary: "removed")])
    }

    @Test(arguments: Engine.available) func aDryRunOfABatchOrSageMakerChangeWritesNothing(engine: Engine) throws {
        let catalog = try engine.newCatalog()
        let before = try catalog.snapshot()
        let update = try catalog.update(origin: "test", dryRun: true) { snapshot in
            snapshot.models["amazon.nova-pro-v1:0"]?.batch = false
            snapshot.sagemakerModels["churn"] = SageMakerModel(
                name: "churn", image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7")
        }
        #expect(update.revision == nil)
        #expect(update.changes.map(\.description) == [
            "model amazon.nova-pro-v1:0 batch supported -> unsupported",
            "sagemakerModel churn added: image 123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7",
        ])
        #expect(try catalog.snapshot() == before)
        #expect(try catalog.revision() == 1)
    }

    @Test(arguments: Engine.available) func anUnchangedCatalogMakesNoRevision(engine: Engine) throws {
        let catalog = try engine.newCatalog()
        let logLength = try catalog.changeLog().count
        let update = try catalog.update(origin: "test") { _ in }
        #expect(update == CatalogUpdate(revision: nil, changes: []))
        #expect(try catalog.revision() == 1)
        #expect(try catalog.changeLog().count == logLength)
    }

    @Test(arguments: Engine.available) func aFailedUpdateWritesNothing(engine: Engine) throws {
        let catalog = try engine.newCatalog()
        let before = try catalog.snapshot()
        #expect(throws: Refused.self) {
            try catalog.update(origin: "test") { snapshot in
                snapshot.models.removeAll()
                throw Refused()
            }
        }
        #expect(try catalog.snapshot() == before)
        #expect(try catalog.revision() == 1)
    }

    @Test(arguments: Engine.available) func theChangeLogIsNewestFirstAndLimited(engine: Engine) throws {
        let catalog = try engine.newCatalog()
        try catalog.update(origin: "second") { $0.models["amazon.nova-pro-v1:0"]?.lifecycle = .legacy }
        let log = try catalog.changeLog(limit: 2)
        #expect(log.count == 2)
        #expect(log[0].revision == 2)
        #expect(log[0].origin == "second")
        #expect(log[0].summary == "lifecycle ACTIVE -> LEGACY")
        #expect(log[1].revision == 1)
    }
}

/// Specs checked against one catalog revision are not stored into another.
@Suite struct SpecApplyRaceTests {
    @Test(arguments: Engine.available) func specsCheckedAgainstAnOlderRevisionAreNotStored(engine: Engine) throws {
        let catalog = try engine.newCatalog()
        let spec = AppSpec(name: "chat", team: "cx", regions: ["us-east-1"],
                           properties: .applicationInferenceProfile(ApplicationInferenceProfileProperties()))
        // Given specs checked at revision 1, when the catalog reaches revision 2 before they are stored
        try catalog.update(origin: "meanwhile") { $0.models["amazon.nova-pro-v1:0"]?.lifecycle = .legacy }
        // Then storing them is refused, and nothing is stored
        #expect(throws: StoreError.catalogChanged(path: catalog.location, checkedAt: 1, now: 2)) {
            try catalog.applySpecs([(spec, "chat.yaml")], checkedAt: 1)
        }
        #expect(try catalog.apps().isEmpty)
        #expect(try catalog.applySpecs([(spec, "chat.yaml")], checkedAt: 2) == [.created])
    }
}

/// With a recheck, specs checked against an older revision are checked again inside the write,
/// against the catalog they join, instead of being refused.
@Suite struct SpecRecheckTests {
    struct Refused: Error {}

    @Test(arguments: Engine.available) func theRecheckSeesTheCatalogTheSpecsJoin(engine: Engine) throws {
        let catalog = try engine.newCatalog()
        let spec = AppSpec(name: "chat", team: "cx", regions: ["us-east-1"],
                           properties: .applicationInferenceProfile(ApplicationInferenceProfileProperties()))
        try catalog.update(origin: "meanwhile") { $0.models["amazon.nova-pro-v1:0"]?.lifecycle = .legacy }
        // A recheck that refuses: nothing is stored.
        #expect(throws: Refused.self) {
            try catalog.applySpecs([(spec, "chat.yaml")], checkedAt: 1, recheck: { snapshot, _ in
                if snapshot.models["amazon.nova-pro-v1:0"]?.lifecycle == .legacy { throw Refused() }
            })
        }
        #expect(try catalog.apps().isEmpty)
        // A recheck that passes: stored, having seen revision 2's catalog and the live apps.
        var seen: (lifecycle: ModelLifecycle?, apps: Int)?
        #expect(try catalog.applySpecs([(spec, "chat.yaml")], checkedAt: 1, recheck: { snapshot, apps in
            seen = (snapshot.models["amazon.nova-pro-v1:0"]?.lifecycle, apps.count)
        }) == [.created])
        #expect(seen?.lifecycle == .legacy && seen?.apps == 0)
        // Checked at the current revision, the recheck does not run.
        var spec2 = spec
        spec2.team = "search"
        #expect(try catalog.applySpecs([(spec2, "chat.yaml")], checkedAt: 2, recheck: { _, _ in throw Refused() })
            == [.updated])
    }

    /// Specs checked against the apps as they were are checked again when another app was
    /// applied meanwhile, even with the catalog unchanged: an app may name another's profile.
    @Test(arguments: Engine.available) func theRecheckRunsWhenTheAppsMovedOn(engine: Engine) throws {
        let catalog = try engine.newCatalog()
        let properties = PatternProperties.applicationInferenceProfile(ApplicationInferenceProfileProperties())
        let checked = CheckedCatalog(revision: 1, apps: try catalog.apps())
        _ = try catalog.applySpecs([(AppSpec(name: "search", team: "cx", regions: ["us-east-1"], properties: properties),
                                     "search.yaml")])
        var seen: [String]?
        let chat = AppSpec(name: "chat", team: "cx", regions: ["us-east-1"], properties: properties)
        #expect(try catalog.applySpecs([(chat, "chat.yaml")], checked: checked, recheck: { _, apps in
            seen = apps.map(\.name)
        }, at: Date()) == [.created])
        #expect(seen == ["search"])
        // Without a recheck, the write is refused instead.
        var again = chat
        again.team = "search"
        #expect(throws: StoreError.self) {
            try catalog.applySpecs([(again, "chat.yaml")], checked: checked, recheck: nil, at: Date())
        }
    }
}
