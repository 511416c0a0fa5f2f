/// What a template was built from, so a catalog change finds exactly the templates it affects.
public struct TemplateDependencies: Codable, Hashable, Sendable {
    /// Bedrock foundation models.
    public var models: [String]
    /// SageMaker models of the catalog, by name.
    public var sagemakerModels: [String]
    /// System-defined profiles the template copies from or grants use of.
    public var profiles: [String]
    public var geographies: [String]
    /// The deployment Region and every Region the template's requests may be served in.
    public var regions: [String]
    /// Other apps the template uses (an `inferenceProfileApp`).
    public var apps: [String]
    /// The levels of tag defaults its tags inherit: `*` (the catalog's) and the app's team.
    public var tagDefaults: [String]
    /// Its tag keys in lowercase, as the tag policy names keys: a policy entry for one of them
    /// may change the key's spelling.
    public var tagPolicy: [String]

    public init(
        models: [String] = [], sagemakerModels: [String] = [], profiles: [String] = [], geographies: [String] = [],
        regions: [String] = [], apps: [String] = [], tagDefaults: [String] = [], tagPolicy: [String] = []
    ) {
        self.models = sortedUnique(models)
        self.sagemakerModels = sortedUnique(sagemakerModels)
        self.profiles = sortedUnique(profiles)
        self.geographies = sortedUnique(geographies)
        self.regions = sortedUnique(regions)
        self.apps = sortedUnique(apps)
        self.tagDefaults = sortedUnique(tagDefaults)
        self.tagPolicy = sortedUnique(tagPolicy)
    }

    /// What a resolved model call depends on.
    public init(_ resolution: Resolution) {
        self.init(models: [resolution.modelId], profiles: resolution.profileId.map { [$0] } ?? [],
                  geographies: resolution.geography.map { [$0] } ?? [],
                  regions: [resolution.region] + resolution.destinationRegions)
    }

    /// Dependencies from (kind, ref) pairs in any order, as the Store reads them back.
    public init(entries: some Sequence<(kind: EntityKind, ref: String)>) {
        var refs: [EntityKind: [String]] = [:]
        for entry in entries { refs[entry.kind, default: []].append(entry.ref) }
        self.init(models: refs[.model] ?? [], sagemakerModels: refs[.sagemakerModel] ?? [],
                  profiles: refs[.profile] ?? [], geographies: refs[.geography] ?? [], regions: refs[.region] ?? [],
                  apps: refs[.app] ?? [], tagDefaults: refs[.tagDefaults] ?? [], tagPolicy: refs[.tagPolicy] ?? [])
    }

    /// The refs of one kind.
    public func refs(_ kind: EntityKind) -> [String] {
        switch kind {
        case .model: models
        case .sagemakerModel: sagemakerModels
        case .profile: profiles
        case .geography: geographies
        case .region: regions
        case .app: apps
        case .tagDefaults: tagDefaults
        case .tagPolicy: tagPolicy
        }
    }

    /// These and what `tags` (a template's tags) are built from: the app's levels of tag
    /// defaults and its keys as the policy may name them.
    public func adding(tags: EffectiveTags, team: String) -> TemplateDependencies {
        var result = self
        result.tagDefaults = TagDefaults.levels(team: team).sorted()
        result.tagPolicy = sortedUnique(tags.userTags.map { $0.key.lowercased() })
        return result
    }

    /// Every dependency as a (kind, ref) pair: by kind in `EntityKind` order, each kind's refs in their order.
    public var entries: [(kind: EntityKind, ref: String)] {
        EntityKind.allCases.flatMap { kind in refs(kind).map { (kind: kind, ref: $0) } }
    }
}
