/// The tag keys a catalog knows, as it spells them: reports show `CostCenter`, not the export's
/// `user_cost_center`, and `--by KEY` takes any spelling that names one of them. The first
/// spelling given for a key wins.
public struct KnownTagKeys: Hashable, Sendable {
    /// Stored form (`BillingTagKey.canonical`) -> the catalog's spelling.
    public private(set) var spellings: [String: String] = [:]

    public init(_ keys: [String] = []) {
        add(keys)
    }

    /// The keys a catalog knows: deploycat's own (`deploycat:app`, `deploycat:team`,
    /// `deploycat:stage`), the tag policy's, the tag defaults', then the effective tags of `apps`
    /// (their profiles' own included); the first spelling of a key wins, so the policy's is shown.
    public init(catalog: CatalogSnapshot, apps: [AppSpec]) {
        self.init(BillingTagKey.deploycatKeys)
        add(catalog.tagPolicy.sorted.map(\.key))
        add(([catalog.tagDefaults.catalog] + catalog.tagDefaults.teams.values).flatMap(\.values.keys).sorted())
        add(apps.flatMap { catalog.effectiveTags(of: $0, adding: $0.profileTags).values.keys }.sorted())
    }

    /// Adds keys; a key already known keeps its first spelling.
    public mutating func add(_ keys: [String]) {
        for key in keys {
            let canonical = BillingTagKey.canonical(catalogKey: key)
            if !canonical.isEmpty, spellings[canonical] == nil { spellings[canonical] = key }
        }
    }

    /// The catalog's spelling of a stored key, or the stored key when the catalog knows none.
    public func display(_ storedKey: String) -> String {
        spellings[storedKey] ?? storedKey
    }

    /// The stored form of `key` when it names a known key (in any export's or catalog's spelling).
    public func stored(_ key: String) -> String? {
        for candidate in [BillingTagKey.canonical(catalogKey: key), BillingTagKey.canonical(exportKey: key)]
        where spellings[candidate] != nil {
            return candidate
        }
        return nil
    }

    /// The catalog's spellings, sorted.
    public var all: [String] { spellings.values.sorted() }
}
