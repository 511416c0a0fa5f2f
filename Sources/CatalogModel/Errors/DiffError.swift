/// A template comparison that cannot be made.
public enum DiffError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The Region has one version, and no version or file was named to compare it with.
    case onlyOneVersion(app: String, region: String)
    /// `--to 1` without `--from`: no version comes before the first.
    case firstVersion(app: String, region: String)

    public var description: String {
        switch self {
        case let .onlyOneVersion(app, region):
            "app \"\(app)\" has only one template version in \"\(region)\", so there is nothing to compare it with; "
                + "a new version is stored when `deploycat synth \(app)` builds a different template, "
                + "or compare with a deployed template: --against FILE"
        case let .firstVersion(app, region):
            "app \"\(app)\" in \"\(region)\": version 1 is the first, so no version comes before it; name the other "
                + "version with --from"
        }
    }
}
