import CatalogModel
import Foundation

/// What a catalog database does, whatever engine keeps it: the one way the services read and
/// change the catalog, its apps and their templates. Each method is one transaction and speaks
/// only in `CatalogModel` values; no SQL leaves an implementation.
public protocol CatalogRepository: Sendable {
    /// Where the database is, as messages name it (a URL without its password).
    var location: String { get }
    /// Whether opening the database created its catalog (loaded the embedded default catalog).
    var createdCatalog: Bool { get }

    // MARK: Catalog

    func snapshot() throws -> CatalogSnapshot
    /// Whether `name` is a Bedrock model or a SageMaker model of the catalog; `nil` when it is
    /// neither. One lookup, for a command that needs nothing else of the catalog.
    func modelKind(of name: String) throws -> EntityKind?
    /// The catalog and its revision, read together.
    func revisionedSnapshot() throws -> (snapshot: CatalogSnapshot, revision: Int)
    /// The current catalog revision; 0 before the catalog is first loaded.
    func revision() throws -> Int
    /// Changes the catalog in one transaction: `change` edits a snapshot, `check` may refuse
    /// the result; a revision is made only when something differs, and nothing is written on
    /// a dry run. `change` and `check` may run more than once and must depend on nothing but
    /// what they are given. With `rebuild`, the templates the change makes stale are rebuilt
    /// and recorded in the same transaction (on a dry run, against the changed catalog).
    func update(
        origin: String, at date: Date, dryRun: Bool, check: CatalogUpdateCheck?, rebuild: RebuildRequest?,
        change: (inout CatalogSnapshot) throws -> Void
    ) throws -> CatalogUpdate
    /// The change log, newest first; `limit` rows at most when given.
    func changeLog(limit: Int?) throws -> [CatalogLogEntry]

    // MARK: Apps

    func apps(includingDeleted: Bool) throws -> [StoredApp]
    func app(named name: String) throws -> StoredApp?
    /// Live apps sorted by name: only those `named` when given (unknown names are left out), of
    /// `team` and `pattern`, and deployed in `region`, when given. Only the apps that match are read.
    func liveApps(named names: [String]?, team: String?, pattern: PatternKind?, region: String?) throws -> [StoredApp]
    /// The summaries of the apps `liveApps(named:team:pattern:region:)` reads, without their specs.
    func liveAppSummaries(named names: [String]?, team: String?, pattern: PatternKind?, region: String?) throws -> [AppSummary]
    /// Stores specs in one transaction, only into the catalog they were `checked` against: when
    /// the catalog (or, when given, the live apps) moved on, `recheck` checks them again inside
    /// the transaction, against the catalog and apps they join (and may throw to refuse them);
    /// without one, nothing is stored (`StoreError.catalogChanged`).
    func applySpecs(
        _ specs: [(spec: AppSpec, source: String)], checked: CheckedCatalog?, recheck: SpecRecheck?, at date: Date
    ) throws -> [AppChange]
    func tagUsage(key: String?) throws -> [TagUsage]
    func specHistory(app name: String) throws -> [(revision: Int, spec: AppSpec)]
    func deleteApp(named name: String, at date: Date) throws

    // MARK: Templates

    /// Rebuilds the templates `scope` covers: reads which are stale and why (from recorded
    /// dependencies, the change log and spec revisions), lets `build` synthesize them, and
    /// records each new text in one write, which reads and builds again when the catalog or the
    /// apps moved meanwhile. A dry run records nothing.
    func rebuild(_ scope: RebuildScope, at date: Date, dryRun: Bool, build: TemplateBuild) throws -> Rebuild
    func recordTemplates(_ candidates: [TemplateCandidate], at date: Date) throws -> [RecordedTemplate]
    func templateVersions(app: String) throws -> [TemplateVersion]
    func latestVersions() throws -> [TemplateVersion]
    /// Every version of every live app's templates, without bodies or dependencies (a listing).
    func versionListing() throws -> [TemplateVersion]
    /// The `count` newest versions of each Region of every live app, with dependencies, and bodies
    /// where a Region has more than one version.
    func newestVersions(perRegion count: Int) throws -> [TemplateVersion]
    /// The live apps and Regions whose current templates `changes` can alter, as `rebuild` finds them.
    func templatesBuilt(from changes: [CatalogChange]) throws -> [(app: String, region: String)]
    /// Every stored template version's body with what identifies it, oldest first, read in
    /// pages of `pageSize` versions (each page one read), so checking every body never holds
    /// them all.
    func forEachTemplateBody(pageSize: Int, _ body: (StoredTemplateBody) throws -> Void) throws
    /// What is wrong with the database's own structure (pages, indexes, references); none when sound.
    func integrityProblems() throws -> [String]
    /// App rows whose summary columns are not what their specs make, by name.
    func summaryMismatches(pageSize: Int) throws -> [AppSummaryMismatch]
    /// Writes a consistent copy of the catalog into the new file `path` while others write,
    /// once `check` has passed the copy; nothing is left behind when anything fails.
    func backup(to path: String, check: (any CatalogRepository) throws -> Void) throws
    /// Live apps whose latest template in some Region uses the model (of `kind`).
    func appsUsing(model: String, kind: EntityKind) throws -> [String]
    /// Model (of `kind`) -> live apps whose latest templates use it.
    func modelUsage(kind: EntityKind) throws -> [String: [String]]

    // MARK: Usage

    /// Live apps' current templates (each Region's latest version, of the Regions their specs
    /// still name) built from `ref` of `kind`, or from any entry of `kind` when `ref` is nil, with
    /// their dependencies of `kinds`; by app, Region, then ref. Of the apps of `team` and of
    /// `pattern` only, when given.
    func currentTemplates(
        builtFrom kind: EntityKind, ref: String?, including kinds: [EntityKind], team: String?, pattern: PatternKind?
    ) throws -> [CurrentTemplate]
    /// Live apps' Regions that have no template version yet, by app then Region.
    func unsynthesizedRegions() throws -> [(app: String, region: String)]

    // MARK: Billing

    /// Imports billing export rows in one transaction: `body` streams them into the writer
    /// (each source's months the rows cover are replaced by them); when it throws, nothing is written.
    func importBilling(_ body: (BillingImportWriter) throws -> Void) throws -> BillingImportTotals
    /// The newest month billing rows cover (`YYYY-MM`), or `nil` before the first import.
    func latestBillingMonth() throws -> String?
    /// The month's billing rows (of `sources` only, when given) summed by what attribution and
    /// reports tell apart.
    func billingCosts(month: String, sources: [String]?) throws -> [BillingCostGroup]
    /// Resource id -> app, learned from billing rows that carried both.
    func billingResources() throws -> [String: String]
    /// Each source's months with their rows and cost, by source then month.
    func billingSources() throws -> [BillingSourceMonth]
    /// Removes a source's rows (of `month` only, when given) in one transaction; returns what they were.
    func deleteBilling(source: String, month: String?) throws -> [BillingSourceMonth]

    // MARK: Whole database

    /// Every row, read in one transaction (`CatalogDatabase.create(_:loading:check:)` writes them).
    func dump() throws -> CatalogDump
}

/// Looks at a catalog change before it is written, and throws to refuse it: the catalog
/// before and after, and the live apps, read in the same transaction as the change.
public typealias CatalogUpdateCheck = (_ before: CatalogSnapshot, _ after: CatalogSnapshot, _ apps: [StoredApp]) throws -> Void

/// Synthesizes what a rebuild covers, from what it read: a candidate per template it could
/// build (with the reason to record), handed out a chunk at a time so that a rebuild of many
/// templates records each chunk while the next is built and never holds every text at once.
/// The work's current versions come without their texts; `texts` reads them by SHA-256.
public typealias TemplateBuild = (_ work: RebuildWork, _ texts: @escaping TemplateTexts) throws -> any TemplateChunks

/// Stored template texts by SHA-256, for the SHA-256s asked for (one missing is left out).
public typealias TemplateTexts = (_ sha256s: [String]) throws -> [String: String]

/// A rebuild's candidates, a chunk at a time.
public protocol TemplateChunks: AnyObject {
    /// The next chunk of candidates; `nil` once every one was handed out. Throws to refuse the
    /// whole rebuild (what was recorded of it is rolled back).
    func next() throws -> [TemplateCandidate]?
}

/// Candidates already built, handed out as one chunk.
public final class BuiltCandidates: TemplateChunks {
    private var candidates: [TemplateCandidate]?

    public init(_ candidates: [TemplateCandidate]) { self.candidates = candidates }

    public func next() -> [TemplateCandidate]? {
        defer { candidates = nil }
        return candidates
    }
}

/// A rebuild to run inside a catalog change's transaction.
public struct RebuildRequest {
    public var scope: RebuildScope
    public var build: TemplateBuild

    public init(scope: RebuildScope, build: @escaping TemplateBuild) {
        self.scope = scope
        self.build = build
    }
}

/// A stored template version's text and the SHA-256 recorded with it.
public struct StoredTemplateBody: Sendable {
    public var app: String
    public var region: String
    public var version: Int
    /// The hash of the text laid out.
    public var sha256: String
    /// The text as stored: compact, or laid out when stored before texts were stored compact
    /// (`TemplateLayout` gives both back laid out). Left as it is for hashing, which lays it out
    /// into a buffer of its own, without a string of it.
    public var storedText: String
}

/// What specs were checked against: a catalog revision and, when known, each live app's spec
/// revision.
public struct CheckedCatalog: Equatable, Sendable {
    public var revision: Int
    public var appRevisions: [String: Int]?

    public init(revision: Int, apps: [StoredApp]? = nil) {
        self.revision = revision
        appRevisions = apps.map { Dictionary($0.filter { $0.deletedAt == nil }.map { ($0.name, $0.specRevision) }) { a, _ in a } }
    }
}

/// Checks specs again, inside the write that stores them, against the catalog and live apps as
/// they are there; throws to refuse them.
public typealias SpecRecheck = (_ catalog: CatalogSnapshot, _ apps: [StoredApp]) throws -> Void

/// The common calls, with their usual arguments.
extension CatalogRepository {
    @discardableResult
    public func update(
        origin: String, at date: Date = Date(), dryRun: Bool = false, check: CatalogUpdateCheck? = nil,
        rebuild: RebuildRequest? = nil, _ change: (inout CatalogSnapshot) throws -> Void
    ) throws -> CatalogUpdate {
        try update(origin: origin, at: date, dryRun: dryRun, check: check, rebuild: rebuild, change: change)
    }

    public func changeLog() throws -> [CatalogLogEntry] { try changeLog(limit: nil) }
    public func apps() throws -> [StoredApp] { try apps(includingDeleted: false) }
    public func liveApps(named names: [String]?, team: String? = nil, pattern: PatternKind? = nil) throws -> [StoredApp] {
        try liveApps(named: names, team: team, pattern: pattern, region: nil)
    }
    public func applySpecs(
        _ specs: [(spec: AppSpec, source: String)], checkedAt: Int? = nil, recheck: SpecRecheck? = nil
    ) throws -> [AppChange] {
        try applySpecs(specs, checked: checkedAt.map { CheckedCatalog(revision: $0) }, recheck: recheck, at: Date())
    }
    public func tagUsage() throws -> [TagUsage] { try tagUsage(key: nil) }
    public func deleteApp(named name: String) throws { try deleteApp(named: name, at: Date()) }
    public func recordTemplates(_ candidates: [TemplateCandidate]) throws -> [RecordedTemplate] {
        try recordTemplates(candidates, at: Date())
    }
    public func appsUsing(model: String) throws -> [String] { try appsUsing(model: model, kind: .model) }
    public func modelUsage() throws -> [String: [String]] { try modelUsage(kind: .model) }

    /// `currentTemplates(builtFrom:ref:including:team:pattern:)` of every team and pattern.
    public func currentTemplates(builtFrom kind: EntityKind, ref: String?, including kinds: [EntityKind]) throws -> [CurrentTemplate] {
        try currentTemplates(builtFrom: kind, ref: ref, including: kinds, team: nil, pattern: nil)
    }
}
