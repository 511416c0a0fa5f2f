import CatalogModel
import CatalogSynthesis

extension AppService {
    /// Compares two stored versions of an app's template in one Region (the app's first by
    /// default): `from` (default: the version before `to`) as old, `to` (default: the latest)
    /// as new. Unknown apps, Regions and versions are errors, as `template` reports them.
    public func diff(app name: String, region: String?, from: Int? = nil, to: Int? = nil) throws -> TemplateComparison {
        let new = try latestOrNamed(app: name, region: region, version: to)
        let oldNumber = from ?? new.version - 1
        guard from != nil || oldNumber >= 1 else {
            throw to == nil ? DiffError.onlyOneVersion(app: name, region: new.region)
                : DiffError.firstVersion(app: name, region: new.region)
        }
        let old = try template(app: name, region: new.region, version: oldNumber)
        return TemplateComparison(app: name, region: new.region, old: .stored(old), new: .stored(new),
                                  diff: TemplateDiff(old: try TemplateValue.parse(old.body), new: try TemplateValue.parse(new.body)))
    }

    /// Compares a template file, such as a deployed stack's (`aws cloudformation get-template`),
    /// as old with the latest stored version in the Region as new.
    public func diff(app name: String, region: String?, against path: String) throws -> TemplateComparison {
        let new = try latestOrNamed(app: name, region: region, version: nil)
        let old = try TemplateFileReader().read(path)
        return TemplateComparison(app: name, region: new.region, old: .init(file: DocumentReader.name(path)),
                                  new: .stored(new), diff: TemplateDiff(old: old, new: try TemplateValue.parse(new.body)))
    }

    /// `template(app:region:version:)`, whose error for a retired Region names `diff`'s options.
    private func latestOrNamed(app name: String, region: String?, version: Int?) throws -> TemplateVersion {
        do {
            return try template(app: name, region: region, version: version)
        } catch let AppError.retiredRegion(app, region, revision, latest) {
            throw DiffError.retiredRegion(app: app, region: region, removedInSpecRevision: revision, latest: latest)
        }
    }
}
