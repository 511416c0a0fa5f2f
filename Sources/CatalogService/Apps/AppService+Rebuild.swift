import CatalogModel
internal import CatalogStore
import CatalogSynthesis
import Foundation

/// Building templates and keeping their versions: `synth` (every Region of the apps named) and
/// `regenerate` (only what a catalog, spec or profile-app change made stale), one code path.
extension AppService {
    /// One app and Region of a synth or regenerate report.
    public struct SynthResult: Sendable {
        public var app: String
        public var region: String
        /// What made the template stale (see `StaleTemplate.reasons`); empty for a synth of an
        /// up-to-date template.
        public var reasons: [String] = []
        /// The version current before this run, if any.
        public var previous: Int?
        public var outcome: Result<RecordedTemplate, SynthesisFailure>
        public var warnings: [String] = []
        /// How the new text differs from the previous version's, when it does.
        public var diff: TemplateDiff?
    }

    /// What a synth or regenerate did (or, on a dry run, would do), by app then Region.
    public struct RebuildReport: Sendable {
        public var results: [SynthResult] = []
        /// The catalog revision the templates were built from.
        public var catalogRevision = 0
        public var dryRun = false

        /// Whether a new version was (or would be) stored.
        public var changed: Bool {
            results.contains { if case let .success(recorded) = $0.outcome { recorded.isNew } else { false } }
        }
        public var failures: [SynthResult] {
            results.filter { if case .failure = $0.outcome { true } else { false } }
        }
    }

    /// Synthesizes every Region of the named apps (or of all live apps), stores a new version
    /// only where the text changed, and reports each app and Region. Apps that cannot be
    /// synthesized are reported and the others still recorded.
    /// - Parameter allowReplacement: store a version that makes CloudFormation replace an
    ///   application inference profile (refused otherwise, see `Regeneration`).
    public func synth(apps names: [String], allowReplacement: Bool = false) throws -> [SynthResult] {
        try rebuild(RebuildScope(apps: try knownApps(names), staleOnly: false), dryRun: false,
                    allowReplacement: allowReplacement).results
    }

    /// Rebuilds the templates of the named apps (or of all live apps) that depend on a catalog
    /// entry changed since they were built, or whose spec or profile app changed since; a
    /// dry run stores nothing.
    public func regenerate(apps names: [String], dryRun: Bool, allowReplacement: Bool = false) throws -> RebuildReport {
        try rebuild(RebuildScope(apps: try knownApps(names), staleOnly: true), dryRun: dryRun,
                    allowReplacement: allowReplacement)
    }

    /// A regeneration to run inside a catalog change (`catalog import-* --regenerate`): both
    /// land or neither, so a version refused for replacing a profile refuses the whole change
    /// (`RegenerationRefused`), except on a dry run, which reports it.
    public func regeneration(allowReplacement: Bool = false, dryRun: Bool = false) -> Regeneration {
        Regeneration(scope: RebuildScope(staleOnly: true), allowReplacement: allowReplacement, refusalAborts: !dryRun)
    }

    private func rebuild(_ scope: RebuildScope, dryRun: Bool, allowReplacement: Bool) throws -> RebuildReport {
        let regeneration = Regeneration(scope: scope, allowReplacement: allowReplacement)
        let rebuild = try repository.rebuild(scope, at: Date(), dryRun: dryRun, build: regeneration.request.build)
        return regeneration.report(rebuild, dryRun: dryRun)
    }

    /// The names, checked: `nil` (every live app) for none.
    private func knownApps(_ names: [String]) throws -> [String]? {
        guard !names.isEmpty else { return nil }
        let live = Set(try repository.liveApps(named: names, team: nil, pattern: nil).map(\.name))
        for name in names where !live.contains(name) { throw try unknownApp(name) }
        return names
    }

    /// Synthesizes what a rebuild read and keeps what could not be built, for its report. A
    /// new text that makes CloudFormation replace an application inference profile is not
    /// stored unless `allowReplacement`: the profile would get a new ARN, and its cost history
    /// would split across two resource ids.
    public final class Regeneration {
        let scope: RebuildScope
        let allowReplacement: Bool
        /// Throw `RegenerationRefused` rather than store the others, when a version is refused.
        let refusalAborts: Bool
        /// How many templates are recorded together (a few statements for them all), and how
        /// many may be synthesized ahead of the chunk being recorded: two chunks' texts are
        /// little memory.
        let chunkSize: Int
        fileprivate var failures: [SynthResult] = []
        fileprivate var warnings: [String: [String]] = [:]
        fileprivate var diffs: [String: TemplateDiff] = [:]

        init(scope: RebuildScope, allowReplacement: Bool, refusalAborts: Bool = false, chunkSize: Int = 64) {
            self.scope = scope
            self.allowReplacement = allowReplacement
            self.refusalAborts = refusalAborts
            self.chunkSize = chunkSize
        }

        var request: RebuildRequest {
            RebuildRequest(scope: scope) { [self] work, texts in chunks(work, texts: texts) }
        }

        /// The stale templates built again over the cores, a chunk at a time (the next chunk is
        /// built while the caller records this one); what each leaves for the report is kept in
        /// the work's order.
        private func chunks(_ work: RebuildWork, texts: @escaping TemplateTexts) -> any TemplateChunks {
            (failures, warnings, diffs) = ([], [:], [:])
            // Synthesis looks other apps up as profile apps only: a rebuild of thousands of apps
            // hands it those, not a second dictionary of every spec.
            let profileApps = Set(work.apps.values.compactMap(\.spec.inferenceProfileApp))
            let specs = work.apps.filter { profileApps.contains($0.key) }.mapValues(\.spec)
            let today = Today.day()
            let synthesized = ChunkedMap(work.templates, chunkSize: chunkSize) { stale -> Synthesized? in
                guard let app = work.apps[stale.app] else { return nil }
                return Self.synthesize(stale, of: app, work: work, specs: specs, today: today)
            }
            return Chunks(regeneration: self, synthesized: synthesized, texts: texts)
        }

        /// Hands out the candidates of each chunk, after comparing each new text with the text
        /// of the version it would follow (read for the chunk in one go), and refuses the whole
        /// rebuild at the end when a version was refused and `refusalAborts`.
        private final class Chunks: TemplateChunks {
            let regeneration: Regeneration
            let synthesized: ChunkedMap<StaleTemplate, Synthesized?>
            let texts: TemplateTexts

            init(regeneration: Regeneration, synthesized: ChunkedMap<StaleTemplate, Synthesized?>, texts: @escaping TemplateTexts) {
                (self.regeneration, self.synthesized, self.texts) = (regeneration, synthesized, texts)
            }

            func next() throws -> [TemplateCandidate]? {
                guard let chunk = synthesized.next() else {
                    let refused = regeneration.failures.filter { if case let .failure(failure) = $0.outcome { failure.replacing } else { false } }
                    if regeneration.refusalAborts && !refused.isEmpty { throw RegenerationRefused(refused: refused) }
                    return nil
                }
                let built = chunk.compactMap { $0 }
                let old = try texts(Array(Set(built.compactMap { $0.newBody == nil ? nil : $0.stale.current?.sha256 })))
                let allowReplacement = regeneration.allowReplacement
                let finished = Parallel.map(built) { item in
                    Regeneration.compare(item, with: item.stale.current.flatMap { old[$0.sha256] }, allowReplacement: allowReplacement)
                }
                var candidates: [TemplateCandidate] = []
                for (item, built) in zip(built, finished) {
                    let stale = item.stale
                    let key = Regeneration.key(stale.app, stale.region)
                    if !built.warnings.isEmpty { regeneration.warnings[key] = built.warnings }
                    regeneration.diffs[key] = built.diff
                    switch built.outcome {
                    case let .success(candidate): candidates.append(candidate)
                    case let .failure(failure):
                        regeneration.failures.append(SynthResult(
                            app: stale.app, region: stale.region, reasons: stale.reasons, previous: stale.current?.version,
                            outcome: .failure(failure), diff: built.diff))
                    }
                }
                return candidates
            }
        }

        /// One stale template synthesized again: its candidate (or why there is none), the
        /// synthesizer's warnings and, when the text differs from the current version's, the
        /// new template to compare with it.
        private struct Synthesized: Sendable {
            var stale: StaleTemplate
            var outcome: Result<TemplateCandidate, SynthesisFailure>
            var warnings: [String]
            var newBody: TemplateValue?
        }

        /// One stale template built again and compared: the candidate to record (or why there
        /// is none), the warnings, and how the text differs from the current version's.
        private struct Built: Sendable {
            var outcome: Result<TemplateCandidate, SynthesisFailure>
            var warnings: [String]
            var diff: TemplateDiff?
        }

        /// The stale template built again, with the reason to record.
        private static func synthesize(
            _ stale: StaleTemplate, of app: StoredApp, work: RebuildWork, specs: [String: AppSpec], today: String
        ) -> Synthesized {
            do {
                let template = try Synthesizer.synthesize(app.spec, region: stale.region, catalog: work.catalog,
                                                          apps: specs, today: today)
                let (compactBody, sha256) = TemplateRenderer.withTexts(template.body) { compact, laidOut in
                    (compact, AppService.sha256(bytes: laidOut))
                }
                let candidate = TemplateCandidate(
                    app: stale.app, region: stale.region, sha256: sha256, compactBody: compactBody,
                    catalogRevision: work.catalogRevision,
                    specRevision: app.specRevision, dependencies: template.dependencies, tags: template.tags,
                    appRevisions: Dictionary(template.dependencies.apps.compactMap { name in
                        work.apps[name].map { (name, $0.specRevision) }
                    }) { a, _ in a },
                    reason: stale.reasons.isEmpty ? Self.sameInputs : stale.reason)
                let changed = stale.current.map { $0.sha256 != sha256 } ?? false
                return Synthesized(stale: stale, outcome: .success(candidate), warnings: template.warnings,
                                   newBody: changed ? template.body : nil)
            } catch {
                let failure = error as? SynthesisFailure ?? SynthesisFailure(message: "\(error)")
                return Synthesized(stale: stale, outcome: .failure(failure), warnings: [], newBody: nil)
            }
        }

        /// `item` against the current version's text (`old`, when it differs): the diff, and a
        /// failure when the new text would replace a profile without `allowReplacement`.
        private static func compare(_ item: Synthesized, with old: String?, allowReplacement: Bool) -> Built {
            var warnings = item.warnings
            guard case var .success(candidate) = item.outcome, let new = item.newBody, let old,
                  let oldBody = try? TemplateValue.parse(old) else {
                return Built(outcome: item.outcome, warnings: warnings, diff: nil)
            }
            let diff = TemplateDiff(old: oldBody, new: new)
            do {
                if let replaced = try replacement(in: diff, allowReplacement: allowReplacement) {
                    // Recorded with the reason: where the profile's cost history splits.
                    candidate.reason += "; " + replaced
                    warnings.append(replaced + ": new ARN, cost history split across two resource ids")
                }
                return Built(outcome: .success(candidate), warnings: warnings, diff: diff)
            } catch {
                let failure = error as? SynthesisFailure ?? SynthesisFailure(message: "\(error)")
                return Built(outcome: .failure(failure), warnings: warnings, diff: diff)
            }
        }

        /// `replaces application inference profile InferenceProfile (... changed)` when `diff`
        /// replaces one and that is allowed; throws when it is not.
        private static func replacement(in diff: TemplateDiff, allowReplacement: Bool) throws -> String? {
            let replaced = Self.replacedProfiles(diff)
            guard !replaced.isEmpty else { return nil }
            guard allowReplacement else {
                throw SynthesisFailure(replacing: true, message: "would replace application inference profile "
                    + replaced.joined(separator: ", ") + ": it would get a new ARN and its cost history would split "
                    + "across two resource ids; run again with --allow-replacement to store it")
            }
            return "replaces application inference profile " + replaced.joined(separator: ", ")
        }

        fileprivate static func key(_ app: String, _ region: String) -> String { "\(app) \(region)" }

        /// `InferenceProfile (InferenceProfileName changed)` for each application inference
        /// profile `diff` replaces.
        static func replacedProfiles(_ diff: TemplateDiff) -> [String] {
            diff.replacements.filter { $0.type == "AWS::Bedrock::ApplicationInferenceProfile" }.map { resource in
                let paths = resource.properties.filter(\.replaces).map(\.path)
                return resource.logicalId + (paths.isEmpty ? "" : " (\(paths.joined(separator: ", ")) changed)")
            }
        }

        /// The reason recorded for a new text built from the same spec and catalog revisions:
        /// only the synthesizer changed.
        static let sameInputs = "synthesized again from the same spec and catalog (deploycat's output changed)"

        /// The report of `rebuild`, by app then by the order of the spec's Regions.
        func report(_ rebuild: Rebuild?, dryRun: Bool) -> RebuildReport {
            guard let rebuild else { return RebuildReport(dryRun: dryRun) }
            let stale = Dictionary(rebuild.work.templates.map { (Self.key($0.app, $0.region), $0) }) { a, _ in a }
            let built = rebuild.recorded.map { recorded in
                let key = Self.key(recorded.version.app, recorded.version.region)
                let item = stale[key]
                return SynthResult(app: recorded.version.app, region: recorded.version.region,
                                   reasons: item?.reasons ?? [], previous: item?.current?.version, outcome: .success(recorded),
                                   warnings: warnings[key] ?? [], diff: recorded.isNew ? diffs[key] : nil)
            }
            let regions = rebuild.work.apps.mapValues(\.spec.regions)
            // Sorted in place, which moves the results rather than copying them; mostly in order
            // already (by app, then Region by name).
            var results = built
            results.append(contentsOf: failures)
            results.sort { a, b in
                guard a.app == b.app else { return a.app < b.app }
                let order = regions[a.app] ?? []
                return (order.firstIndex(of: a.region) ?? .max, a.region) < (order.firstIndex(of: b.region) ?? .max, b.region)
            }
            return RebuildReport(results: results, catalogRevision: rebuild.work.catalogRevision, dryRun: dryRun)
        }
    }
}

/// Why one app could not be synthesized in one Region, or why its new text was not stored.
public struct SynthesisFailure: Error, Sendable, CustomStringConvertible {
    /// The text was built but would replace an application inference profile, and that was
    /// not allowed.
    public var replacing = false
    public var message: String
    public var description: String { message }
}

/// A catalog change with `--regenerate` refused as a whole: regenerating would replace
/// application inference profiles, which needs `--allow-replacement`.
public struct RegenerationRefused: Error, CustomStringConvertible {
    public var refused: [AppService.SynthResult]

    public var description: String {
        let lines = refused.map { result in
            if case let .failure(failure) = result.outcome { "  app \"\(result.app)\" in \(result.region): \(failure)" } else { "" }
        }
        return (["nothing was changed: regenerating in the same transaction would replace "
            + (refused.count == 1 ? "an application inference profile:" : "application inference profiles:")] + lines
            + ["--dry-run shows the whole change; --allow-replacement stores such versions"]).joined(separator: "\n")
    }
}
