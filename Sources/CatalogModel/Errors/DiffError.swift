/// A template comparison that cannot be made.
public enum DiffError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The Region has one version, and no version or file was named to compare it with.
    case onlyOneVersion(app: String, region: String)
    /// `--to 1` without `--from`: no version comes before the first.
    case firstVersion(app: String, region: String)
    /// The spec no longer names the Region: its versions are compared only by number.
    case retiredRegion(app: String, region: String, removedInSpecRevision: Int, latest: Int)

    public var description: String {
        switch self {
        case let .onlyOneVersion(app, region):
            "app \"\(app)\" has only one template version in \"\(region)\", so there is nothing to compare it with; "
                + "a new version is stored when `deploycat synth \(app)` builds a different template, "
                + "or compare with a deployed template: --against FILE"
        case let .firstVersion(app, region):
            "app \"\(app)\" in \"\(region)\": version 1 is the first, so no version comes before it; name the other "
                + "version with --from"
        case let .retiredRegion(app, region, revision, latest):
            "app \"\(app)\" no longer deploys to \"\(region)\": spec revision \(revision) removed it; compare its "
                + "versions (1 to \(latest)) by number: --from N --to M"
        }
    }
}
