import CatalogModel

/// A live app whose current spec checks out against the catalog before a change but not after
/// it: after the change, `synth` would fail for it until its spec changes. An app that did not
/// check out before is not broken by the change, whatever its problems become.
public struct BrokenApp: Hashable, Sendable, CustomStringConvertible {
    public var app: String
    /// The problems the spec has after the change.
    public var issues: [InputIssue]

    public var description: String {
        issues.map { "app \"\(app)\" \($0)" }.joined(separator: "\n")
    }

    /// The apps going from `before` to `after` breaks, by name.
    static func find(before: CatalogSnapshot, after: CatalogSnapshot, apps: [StoredApp]) -> [BrokenApp] {
        let specs = Dictionary(apps.map { ($0.name, $0.spec) }) { first, _ in first }
        let now = AppSpecValidator(catalog: after, apps: specs), then = AppSpecValidator(catalog: before, apps: specs)
        return apps.compactMap { app in
            let issues = now.issues(app.spec)
            // Most apps check out: validated once, against the new catalog.
            guard !issues.isEmpty, then.issues(app.spec).isEmpty else { return nil }
            return BrokenApp(app: app.name, issues: issues)
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
