import CatalogModel
@testable import CatalogService
import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// `regenerate`: exactly the templates a catalog, spec or profile-app change made stale, with
/// the reasons recorded, on both engines.
@Suite struct RegenerateTests {
    let examples = PackagePaths.root.appendingPathComponent("examples")
    let haikuUS = "us.anthropic.claude-haiku-4-5-20251001-v1:0"

    /// A catalog on `engine` with the examples applied and synthesized, and a folder holding a
    /// copy of the examples to edit.
    func synthesizedExamples(_ engine: Engine) throws -> (SQLCatalogRepository, AppService, TemporaryDirectory) {
        let store = try engine.newCatalog()
        let apps = AppService(repository: store)
        let folder = try TemporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(atPath: examples.appendingPathComponent(name).path, toPath: folder.path(name))
        }
        _ = try apps.apply(paths: [folder.url.path])
        _ = try apps.synth(apps: [])
        return (store, apps, folder)
    }

    /// `app region v1 -> v2 new: reasons` per result.
    func lines(_ report: AppService.RebuildReport) -> [String] {
        report.results.map { result in
            let previous = result.previous.map { "v\($0)" } ?? "-"
            let outcome = switch result.outcome {
            case let .success(recorded): "v\(recorded.version.version) \(recorded.outcome.rawValue)"
            case let .failure(failure): "failed (\(failure))"
            }
            return "\(result.app) \(result.region) \(previous) -> \(outcome): \(result.reasons.joined(separator: "; "))"
        }
    }

    func edit(_ folder: TemporaryDirectory, _ file: String, replacing old: String, with new: String) throws {
        let path = folder.path(file)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test(arguments: Engine.available) func aProfileRouteChangeRebuildsExactlyTheTemplatesBuiltFromIt(engine: Engine) throws {
        let (store, apps, _) = try synthesizedExamples(engine)
        #expect(try apps.regenerate(apps: [], dryRun: false).results.isEmpty)
        try store.update(origin: "test") { $0.profiles[haikuUS]?.routes["us-east-1"]?.append("us-west-1") }

        let report = try apps.regenerate(apps: [], dryRun: false)
        #expect(lines(report) == [
            "support-chat us-east-1 v1 -> v2 new: catalog rev 2: profile \(haikuUS) destinations from us-east-1 +us-west-1",
        ])
        let latest = try apps.template(app: "support-chat", region: "us-east-1", version: nil)
        #expect(latest.reason == "catalog rev 2: profile \(haikuUS) destinations from us-east-1 +us-west-1")
        #expect(latest.catalogRevision == 2 && latest.body.contains("us-west-1"))
        // Rebuilt once: nothing is stale any more.
        #expect(try apps.regenerate(apps: [], dryRun: false).results.isEmpty)
    }

    @Test(arguments: Engine.available) func aDryRunSaysWhatWouldChangeAndWritesNothing(engine: Engine) throws {
        let (store, apps, _) = try synthesizedExamples(engine)
        try store.update(origin: "test") { $0.profiles[haikuUS]?.routes["us-east-1"]?.append("us-west-1") }
        let before = try store.dump()
        let report = try apps.regenerate(apps: [], dryRun: true)
        #expect(lines(report) == [
            "support-chat us-east-1 v1 -> v2 new: catalog rev 2: profile \(haikuUS) destinations from us-east-1 +us-west-1",
        ])
        #expect(report.changed && report.dryRun)
        #expect(try store.dump() == before)
    }

    @Test(arguments: Engine.available) func pricesAreInNoTemplateSoTheyMakeNothingStale(engine: Engine) throws {
        let (store, apps, _) = try synthesizedExamples(engine)
        try store.update(origin: "test") { catalog in
            catalog.models["anthropic.claude-haiku-4-5-20251001-v1:0"]?.price = ModelPrice(inputPer1k: 0.5, outputPer1k: 2.5)
        }
        #expect(try apps.regenerate(apps: [], dryRun: false).results.isEmpty)
    }

    @Test(arguments: Engine.available) func aChangeThatLeavesTheTextAloneIsReportedUnchanged(engine: Engine) throws {
        let (store, apps, _) = try synthesizedExamples(engine)
        // Templates are built from the model, but its display name is in none of their texts.
        try store.update(origin: "test") { $0.models["anthropic.claude-haiku-4-5-20251001-v1:0"]?.name = "Claude Haiku 4.5 (renamed)" }
        let report = try apps.regenerate(apps: [], dryRun: false)
        #expect(!report.results.isEmpty)
        #expect(lines(report).allSatisfy { $0.contains(" -> v1 unchanged: catalog rev 2: model anthropic.claude-haiku-4-5") })
        #expect(!report.changed)
    }

    @Test(arguments: Engine.available) func specChangesAndNewRegionsAreStale(engine: Engine) throws {
        let (_, apps, folder) = try synthesizedExamples(engine)
        try edit(folder, "support-chat.yaml", replacing: "regions: [us-east-1, eu-west-1]",
                 with: "regions: [us-east-1, eu-west-1, us-west-2]")
        _ = try apps.apply(paths: [folder.path("support-chat.yaml")])
        #expect(lines(try apps.regenerate(apps: [], dryRun: false)) == [
            "support-chat us-east-1 v1 -> v1 unchanged: spec rev 2 (last built for spec rev 1)",
            "support-chat eu-west-1 v1 -> v1 unchanged: spec rev 2 (last built for spec rev 1)",
            "support-chat us-west-2 - -> v1 new: spec rev 2: no template yet",
        ])
        // Unchanged texts keep their version, marked up to date with the new spec revision:
        // nothing is stale any more.
        #expect(try apps.regenerate(apps: [], dryRun: false).results.isEmpty)
    }

    @Test(arguments: Engine.available) func aProfileAppsChangeReachesTheAppsUsingItsProfile(engine: Engine) throws {
        let (_, apps, folder) = try synthesizedExamples(engine)
        try edit(folder, "analytics-profile.yaml", replacing: "description: Analytics notebooks and batch jobs",
                 with: "description: Analytics notebooks and scheduled jobs")
        _ = try apps.apply(paths: [folder.path("analytics-profile.yaml")])
        let report = lines(try apps.regenerate(apps: [], dryRun: false))
        #expect(report.contains("analytics-sql-assistant us-west-2 v1 -> v1 unchanged: profile app analytics-profile spec rev 2 "
            + "(last built for spec rev 1)"))
        #expect(report.filter { $0.hasPrefix("analytics-profile ") }.count == 2)
        #expect(report.count == 3)
    }

    @Test(arguments: Engine.available) func anAppThatNoLongerChecksOutKeepsItsVersionAndTheOthersStillRegenerate(engine: Engine) throws {
        let (store, apps, _) = try synthesizedExamples(engine)
        try store.update(origin: "test") { catalog in
            // No profile routes Claude Haiku 4.5 from us-east-1 any more.
            for (id, profile) in catalog.profiles where profile.modelId == "anthropic.claude-haiku-4-5-20251001-v1:0" {
                catalog.profiles[id]?.routes["us-east-1"] = nil
            }
            catalog.profiles["eu.anthropic.claude-haiku-4-5-20251001-v1:0"]?.routes["eu-west-1"]?.append("eu-central-2")
        }
        let report = try apps.regenerate(apps: [], dryRun: false)
        let found = lines(report)
        #expect(found.count == 2)
        #expect(found[0].hasPrefix("support-chat us-east-1 v1 -> failed ("))
        #expect(found[0].hasSuffix("catalog rev 2: profile \(haikuUS) sources -us-east-1"))
        #expect(found[1].hasPrefix("support-chat eu-west-1 v1 -> v2 new: catalog rev 2: "))
        #expect(report.failures.count == 1)
        #expect(try apps.template(app: "support-chat", region: "us-east-1", version: nil).version == 1)
    }

    @Test(arguments: Engine.available) func namedAppsLimitTheRebuild(engine: Engine) throws {
        let (store, apps, _) = try synthesizedExamples(engine)
        try store.update(origin: "test") { $0.profiles[haikuUS]?.routes["us-east-1"]?.append("us-west-1") }
        #expect(try apps.regenerate(apps: ["analytics-profile"], dryRun: false).results.isEmpty)
        #expect(try apps.regenerate(apps: ["support-chat"], dryRun: false).results.count == 1)
        #expect(throws: AppError.self) { try apps.regenerate(apps: ["support-chatt"], dryRun: false) }
    }

    @Test(arguments: Engine.available) func aCatalogChangeWithRegenerateLandsWithItsTemplatesInOneRevision(engine: Engine) throws {
        let (store, apps, folder) = try synthesizedExamples(engine)
        let file = folder.path("route.catalog")
        try """
            profiles:
              - id: \(haikuUS)
                routes:
                  us-east-1: [us-east-1, us-east-2, us-west-1, us-west-2]
            """.write(toFile: file + ".yaml", atomically: true, encoding: .utf8)
        let catalog = ModelCatalogService(repository: store)
        let before = try store.dump()
        let dryRun = try catalog.apply(file: file + ".yaml", mode: .init(dryRun: true, regeneration: apps.regeneration()))
        #expect(try store.dump() == before)
        #expect(dryRun.regenerated.map(lines) == [
            "support-chat us-east-1 v1 -> v2 new: catalog rev 2: profile \(haikuUS) destinations from us-east-1 +us-west-1",
        ])

        let result = try catalog.apply(file: file + ".yaml", mode: .init(regeneration: apps.regeneration()))
        #expect(result.update.revision == 2)
        #expect(result.regenerated?.catalogRevision == 2 && result.regenerated?.changed == true)
        #expect(try apps.template(app: "support-chat", region: "us-east-1", version: nil).catalogRevision == 2)
        #expect(try apps.regenerate(apps: [], dryRun: false).results.isEmpty)
    }

    @Test(arguments: Engine.available) func aRefusedCatalogChangeStoresNoTemplates(engine: Engine) throws {
        let (store, apps, folder) = try synthesizedExamples(engine)
        // Listed from us-east-1 with --prune, the only profile left there is Nova Pro's: apps
        // calling Claude from us-east-1 would break.
        let listing = folder.path("profiles.json")
        try """
            {"inferenceProfileSummaries": [{"inferenceProfileName": "US Nova Pro",
              "inferenceProfileArn": "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0",
              "inferenceProfileId": "us.amazon.nova-pro-v1:0", "status": "ACTIVE", "type": "SYSTEM_DEFINED",
              "models": [{"modelArn": "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"}]}]}
            """.write(toFile: listing, atomically: true, encoding: .utf8)
        let before = try store.dump()
        #expect(throws: CatalogChangeRefused.self) {
            try ModelCatalogService(repository: store).importProfiles(
                file: listing, region: "us-east-1", prune: true, mode: .init(regeneration: apps.regeneration()))
        }
        #expect(try store.dump() == before)
    }

    @Test(arguments: Engine.available) func replacingAnApplicationInferenceProfileNeedsToBeAllowed(engine: Engine) throws {
        let (_, apps, folder) = try synthesizedExamples(engine)
        // Another model: the profile copies from another system profile, a create-only property.
        try edit(folder, "support-chat.yaml", replacing: "bedrockModelId: anthropic.claude-haiku-4-5-20251001-v1:0",
                 with: "bedrockModelId: anthropic.claude-sonnet-4-5-20250929-v1:0")
        _ = try apps.apply(paths: [folder.path("support-chat.yaml")])

        for refused in [try apps.regenerate(apps: [], dryRun: false).results, try apps.synth(apps: ["support-chat"])] {
            #expect(refused.count == 2)
            for result in refused {
                guard case let .failure(failure) = result.outcome else { Issue.record("stored: \(result)"); continue }
                #expect(failure.replacing)
                #expect(failure.message.hasPrefix("would replace application inference profile InferenceProfile "
                    + "(Properties.ModelSource.CopyFrom changed)"))
            }
        }
        #expect(try apps.versions(app: "support-chat").count == 2)

        let allowed = try apps.regenerate(apps: [], dryRun: false, allowReplacement: true)
        #expect(lines(allowed).map { $0.prefix(33) } == ["support-chat us-east-1 v1 -> v2 n", "support-chat eu-west-1 v1 -> v2 n"])
        #expect(allowed.results.allSatisfy { $0.warnings.contains { $0.hasPrefix("replaces application inference profile") } })
        #expect(allowed.results.allSatisfy { $0.diff?.replacements.map(\.logicalId) == ["InferenceProfile"] })
    }

    @Test(arguments: Engine.available) func aRegionASpecDropsIsNeitherRegeneratedNorInUseUntilNamedAgain(engine: Engine) throws {
        let (store, apps, folder) = try synthesizedExamples(engine)
        let euProfile = "eu.anthropic.claude-haiku-4-5-20251001-v1:0"
        try edit(folder, "support-chat.yaml", replacing: "regions: [us-east-1, eu-west-1]", with: "regions: [us-east-1]")
        _ = try apps.apply(paths: [folder.path("support-chat.yaml")])
        _ = try apps.regenerate(apps: [], dryRun: false)
        try store.update(origin: "test") { $0.profiles[euProfile]?.routes["eu-west-1"]?.append("eu-central-2") }
        #expect(lines(try apps.regenerate(apps: [], dryRun: true)) == [])
        #expect(try store.appsUsing(model: euProfile, kind: .profile).isEmpty)

        try edit(folder, "support-chat.yaml", replacing: "regions: [us-east-1]", with: "regions: [us-east-1, eu-west-1]")
        _ = try apps.apply(paths: [folder.path("support-chat.yaml")])
        #expect(try store.appsUsing(model: euProfile, kind: .profile) == ["support-chat"])
        let back = lines(try apps.regenerate(apps: [], dryRun: false))
        #expect(back.contains("support-chat eu-west-1 v1 -> v2 new: catalog rev 2: profile \(euProfile) destinations from "
            + "eu-west-1 +eu-central-2; spec rev 3 (last built for spec rev 1)"))
    }

    @Test(arguments: Engine.available) func aDeletedAppIsNotRegenerated(engine: Engine) throws {
        let (store, apps, _) = try synthesizedExamples(engine)
        try apps.delete("support-chat")
        try store.update(origin: "test") { $0.profiles[haikuUS]?.routes["us-east-1"]?.append("us-west-1") }
        #expect(try apps.regenerate(apps: [], dryRun: false).results.isEmpty)
        #expect(try store.appsUsing(model: haikuUS, kind: .profile).isEmpty)
    }

    @Test(arguments: Engine.available) func aCatalogChangeWhoseRegenerationWouldReplaceAProfileIsRefusedWhole(engine: Engine) throws {
        let (store, apps, _) = try synthesizedExamples(engine)
        // Without the eu. Claude Haiku 4.5 profile's route from eu-west-1, support-chat there falls
        // back to the global profile: its application inference profile would copy from another
        // one, a replacement.
        let euProfile = "eu.anthropic.claude-haiku-4-5-20251001-v1:0"
        func change(_ regeneration: AppService.Regeneration, dryRun: Bool = false) throws -> CatalogUpdate {
            try store.update(origin: "test", dryRun: dryRun, rebuild: regeneration.request) { $0.profiles[euProfile]?.routes["eu-west-1"] = nil }
        }
        let before = try store.dump()
        let error = try #require(throws: RegenerationRefused.self) { try change(apps.regeneration()) }
        #expect(error.refused.map { "\($0.app) \($0.region)" } == ["support-chat eu-west-1"])
        #expect(error.description.hasPrefix("nothing was changed: regenerating in the same transaction would replace"))
        #expect(try store.dump() == before)

        let dryRun = apps.regeneration(dryRun: true)
        let report = dryRun.report(try change(dryRun, dryRun: true).rebuild, dryRun: true)
        #expect(report.failures.map { "\($0.app) \($0.region)" } == ["support-chat eu-west-1"])
        #expect(try store.dump() == before)
        #expect(try change(apps.regeneration(allowReplacement: true)).revision == 2)
        #expect(try apps.template(app: "support-chat", region: "eu-west-1", version: nil).version == 2)
    }
    @Test(arguments: Engine.available) func chunksOfOneTemplateGiveTheReportAndVersionsOfOneChunk(engine: Engine) throws {
        var answers: [[String]] = []
        for chunkSize in [1, 256] {
            let (store, apps, _) = try synthesizedExamples(engine)
            // A catalog tag default reaches every template; the route change one of them.
            try store.update(origin: "test") { catalog in
                catalog.tagDefaults = TagDefaults(catalog: TagMap(["data-classification": "internal"]))
                catalog.profiles[haikuUS]?.routes["us-east-1"]?.append("us-west-1")
            }
            let regeneration = AppService.Regeneration(scope: RebuildScope(staleOnly: false), allowReplacement: false,
                                                       chunkSize: chunkSize)
            let report = regeneration.report(
                try store.rebuild(regeneration.scope, at: Date(), dryRun: false, build: regeneration.request.build), dryRun: false)
            // Two templates carry no tags (unchanged); the thirteen others each have their diff.
            #expect(report.results.count == 15 && report.results.filter { $0.diff != nil }.count == 13)
            answers.append(lines(report) + report.results.map { "\($0.app) \($0.region): \(($0.diff?.lines ?? []).map { $0.segments.map(\.text).joined() })" }
                + (try apps.versions(app: "support-chat").map { "\($0.region) v\($0.version) \($0.sha256)" }))
        }
        #expect(answers[0] == answers[1])
    }
}
