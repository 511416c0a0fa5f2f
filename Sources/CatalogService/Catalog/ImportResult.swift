import CatalogModel

/// What an import or apply did (or, in a dry run, would do): the catalog changes, what the
/// file held that was passed over, and what the change touches.
public struct ImportResult: Sendable {
    public var update: CatalogUpdate
    /// Lines that explain entries the command read but did not keep.
    public var notes: [String]
    /// The apps' latest templates built from a changed entry: `deploycat synth` stores new
    /// versions of those whose text changes.
    public var affectedTemplates: [(app: String, region: String)]
    /// Live apps whose specs stop checking out after the change (made only with --force).
    public var brokenApps: [BrokenApp]
    /// Nothing was written: `update.changes` are what the command would change.
    public var dryRun: Bool
    /// The templates rebuilt in the same transaction, when asked for.
    public var regenerated: AppService.RebuildReport?

    public init(
        update: CatalogUpdate, notes: [String] = [], affectedTemplates: [(app: String, region: String)] = [],
        brokenApps: [BrokenApp] = [], dryRun: Bool = false, regenerated: AppService.RebuildReport? = nil
    ) {
        self.update = update
        self.notes = notes
        self.affectedTemplates = affectedTemplates
        self.brokenApps = brokenApps
        self.dryRun = dryRun
        self.regenerated = regenerated
    }
}
