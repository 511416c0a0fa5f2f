import CatalogModel
internal import CatalogStore
import Foundation

/// The catalog use cases behind the `deploycat catalog` commands: queries, resolution,
/// imports of AWS CLI listings and hand-written catalog documents.
public struct ModelCatalogService: Sendable {
    let repository: any CatalogRepository
    public var reader: DocumentReader

    init(repository: any CatalogRepository, reader: DocumentReader = DocumentReader()) {
        self.repository = repository
        self.reader = reader
    }

    // MARK: - Queries

    public func summary() throws -> CatalogSummary {
        let (snapshot, revision) = try repository.revisionedSnapshot()
        return CatalogSummary(
            revision: revision, regions: snapshot.regions.count, geographies: snapshot.geographies.count,
            models: snapshot.models.count, profiles: snapshot.profiles.count,
            unlistedProfiles: snapshot.profiles.values.filter { $0.status == .unlisted }.count)
    }

    /// Models, sorted by id, optionally only one provider's (case-insensitive) or those listed in a Region.
    public func models(provider: String? = nil, region: String? = nil) throws -> [FoundationModel] {
        let snapshot = try repository.snapshot()
        if let region { _ = try InvocationResolver(catalog: snapshot).regionInCatalog(region) }
        return snapshot.models.values
            .filter { model in provider.map { $0.lowercased() == model.provider.lowercased() } ?? true }
            .filter { model in region.map(model.regions.contains) ?? true }
            .sorted { $0.id < $1.id }
    }

    public func model(_ id: String) throws -> ModelDetail {
        let snapshot = try repository.snapshot()
        let model = try InvocationResolver(catalog: snapshot).model(id)
        return ModelDetail(model: model, profiles: snapshot.profiles(ofModel: model.id))
    }

    /// SageMaker models, sorted by name.
    public func sagemakerModels() throws -> [SageMakerModel] {
        try repository.snapshot().sagemakerModels.values.sorted { $0.name < $1.name }
    }

    /// Geographies, sorted by prefix; a global geography's destinations are filled in with
    /// every commercial Region with Bedrock, as they are routed today.
    public func geographies() throws -> [Geography] {
        let snapshot = try repository.snapshot()
        return snapshot.geographies.values.sorted { $0.prefix < $1.prefix }.map { geography in
            var shown = geography
            if geography.scope == .allCommercialRegions {
                shown.destinationRegions = snapshot.bedrockRegions(inPartition: geography.partition)
            }
            return shown
        }
    }

    /// System-defined profiles, sorted by id, optionally of one geography and/or one model.
    public func profiles(geography: String? = nil, model: String? = nil) throws -> [SystemProfile] {
        let snapshot = try repository.snapshot()
        if let geography, snapshot.geographies[geography] == nil {
            throw CatalogError.unknownGeography(prefix: geography, known: snapshot.geographies.keys.sorted())
        }
        if let model { _ = try InvocationResolver(catalog: snapshot).model(model) }
        return snapshot.profiles.values
            .filter { geography == nil || $0.geography == geography }
            .filter { model == nil || $0.modelId == model }
            .sorted { $0.id < $1.id }
    }

    public func resolve(
        modelId: String, region: String, crossRegion: Bool, geography: String? = nil, account: String? = nil
    ) throws -> Resolution {
        try InvocationResolver(catalog: repository.snapshot(), today: Today.day())
            .resolve(modelId: modelId, region: region, crossRegion: crossRegion, geography: geography, account: account)
    }

    public func changeLog(limit: Int? = nil) throws -> [CatalogLogEntry] {
        try repository.changeLog(limit: limit)
    }

    // MARK: - Changes

    /// How a catalog-changing command runs.
    public struct ChangeMode {
        /// Write nothing; report what would change, which templates it touches, which apps it breaks.
        public var dryRun: Bool
        /// Make a change that stops live apps' specs from checking out (refused otherwise).
        public var force: Bool
        /// Rebuild the templates the change makes stale in the same transaction.
        public var regeneration: AppService.Regeneration?

        public init(dryRun: Bool = false, force: Bool = false, regeneration: AppService.Regeneration? = nil) {
            self.dryRun = dryRun
            self.force = force
            self.regeneration = regeneration
        }
    }

    /// Imports `aws bedrock list-foundation-models --region R --output json` output.
    public func importModels(file: String, region: String, prune: Bool, mode: ChangeMode = ChangeMode()) throws -> ImportResult {
        let listing = try reader.read(FoundationModelListing.self, from: file)
        return try change(origin: origin("import-models", file, region: region, prune: prune), mode: mode) { snapshot in
            _ = try InvocationResolver(catalog: snapshot).regionInCatalog(region)
            try rethrowing(file) { () throws(InputError) in
                try listing.merge(into: &snapshot, region: region, prune: prune)
            }
        }
    }

    /// Imports `aws bedrock list-inference-profiles --type-equals SYSTEM_DEFINED --region R
    /// --output json` output.
    public func importProfiles(
        file: String, region: String, prune: Bool, mode: ChangeMode = ChangeMode(), today: Date = Date()
    ) throws -> ImportResult {
        let listing = try reader.read(InferenceProfileListing.self, from: file)
        var notes = InferenceProfileImportNotes()
        var result = try change(origin: origin("import-profiles", file, region: region, prune: prune), mode: mode) { snapshot in
            _ = try InvocationResolver(catalog: snapshot).regionInCatalog(region)
            notes = try rethrowing(file) { () throws(InputError) in
                try listing.merge(into: &snapshot, region: region, prune: prune, today: Today.day(today))
            }
        }
        if notes.skippedApplicationProfiles > 0 {
            result.notes.append("skipped \(notes.skippedApplicationProfiles) application inference profiles: the catalog "
                + "keeps system-defined ones (list them with --type-equals SYSTEM_DEFINED)")
        }
        return result
    }

    /// Applies a hand-written catalog document (YAML or JSON; `-` reads standard input).
    public func apply(file: String, mode: ChangeMode = ChangeMode()) throws -> ImportResult {
        let (document, locator) = try reader.readDocument(CatalogDocument.self, from: file)
        guard !document.isEmpty else {
            throw InputError(file: DocumentReader.name(file), problem: "names no entries; expected one or more of "
                + "regions, geographies, models, prices, profiles, sagemakerModels")
        }
        return try change(origin: "apply \(DocumentReader.name(file))", mode: mode) { snapshot in
            try rethrowing(file, locator: locator) { () throws(InputError) in try document.merge(into: &snapshot) }
        }
    }

    /// Makes (or, in a dry run, previews) one catalog change, refusing one that would stop live
    /// apps' specs from checking out unless forced; names the templates built from what changed.
    func change(
        origin: String, mode: ChangeMode, _ edit: (inout CatalogSnapshot) throws -> Void
    ) throws -> ImportResult {
        var broken: [BrokenApp] = []
        let update = try repository.update(origin: origin, dryRun: mode.dryRun, check: { before, after, apps in
            let specs = Dictionary(apps.map { ($0.name, $0.spec) }) { first, _ in first }
            broken = BrokenApp.find(before: AppSpecValidator(catalog: before, apps: specs),
                                    after: AppSpecValidator(catalog: after, apps: specs), specs: apps.map(\.spec))
            if !broken.isEmpty && !mode.force && !mode.dryRun { throw CatalogChangeRefused(broken: broken) }
        }, rebuild: mode.regeneration?.request, edit)
        return ImportResult(update: update, affectedTemplates: try repository.templatesBuilt(from: update.changes),
                            brokenApps: broken, dryRun: mode.dryRun,
                            regenerated: mode.regeneration?.report(update.rebuild, dryRun: mode.dryRun))
    }

    private func origin(_ command: String, _ file: String, region: String, prune: Bool) -> String {
        "\(command) \(file) --region \(region)" + (prune ? " --prune" : "")
    }
}

/// Attaches the file name (and, where the format keeps them, the fields' lines) to the issues a
/// model-layer merge found.
func rethrowing<T>(
    _ file: String, locator: FieldLocator = FieldLocator(), _ body: () throws(InputError) -> T
) throws -> T {
    do {
        return try body()
    } catch {
        throw InputError(file: DocumentReader.name(file), issues: error.issues.map(locator.annotate))
    }
}
