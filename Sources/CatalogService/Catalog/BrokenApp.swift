import CatalogModel

/// A live app whose current spec checks out before a change but not after it (a catalog change,
/// or a new spec of the app whose profile it uses): after the change, `synth` would fail for it
/// until its spec changes. An app that did not check out before is not broken by the change,
/// whatever its problems become.
public struct BrokenApp: Hashable, Sendable, CustomStringConvertible {
    public var app: String
    /// The problems the spec has after the change.
    public var issues: [InputIssue]

    public var description: String {
        issues.map { "app \"\(app)\" \($0)" }.joined(separator: "\n")
    }

    /// The apps going from `before` to `after` breaks, in the order given.
    static func find(before: AppSpecValidator, after: AppSpecValidator, specs: [AppSpec]) -> [BrokenApp] {
        specs.compactMap { spec in
            let issues = after.issues(spec)
            // Most apps check out: validated once, against what is after the change.
            guard !issues.isEmpty, before.issues(spec).isEmpty else { return nil }
            return BrokenApp(app: spec.name, issues: issues)
        }
    }
}

/// A catalog change refused because live apps' specs would stop checking out against it.
public struct CatalogChangeRefused: Error, Sendable, CustomStringConvertible {
    public var broken: [BrokenApp]

    public var description: String {
        "the change would stop \(broken.count == 1 ? "1 app's spec" : "\(broken.count) apps' specs") from checking "
            + "out against the catalog, so nothing was changed:\n" + broken.map(\.description).joined(separator: "\n")
            + "\n--dry-run shows every change; --force makes it anyway (their templates stay as they are, and `synth` "
            + "fails for them until their specs change)"
    }
}
