/// The whole model catalog as plain values: what synthesis, resolution and diffs read.
///
/// The catalog is small (tens of Regions, hundreds of models and profiles), so commands load
/// it whole and work on values rather than issuing many queries.
public struct CatalogSnapshot: Hashable, Sendable {
    public var regions: [String: Region] {
        get { storedRegions }
        set { (storedRegions, lookups) = (newValue, SnapshotLookups()) }
        // Changed in place (`regions[code] = region`), not copied whole: an observer (`didSet`)
        // makes another module's change a copy of the dictionary, each time.
        _modify {
            lookups = SnapshotLookups()
            yield &storedRegions
        }
    }
    public var geographies: [String: Geography]
    public var models: [String: FoundationModel]
    public var profiles: [String: SystemProfile] {
        get { storedProfiles }
        set { (storedProfiles, lookups) = (newValue, SnapshotLookups()) }
        _modify {
            lookups = SnapshotLookups()
            yield &storedProfiles
        }
    }
    /// SageMaker models by name.
    public var sagemakerModels: [String: SageMakerModel]
    /// Tags every app's resources carry unless the app says otherwise.
    public var tagDefaults: TagDefaults
    /// The rules for tags (spelling, allowed values, required keys); empty when none is set.
    public var tagPolicy: TagPolicy
    private var storedRegions: [String: Region]
    private var storedProfiles: [String: SystemProfile]
    /// Worked out from `profiles` and `regions` on first use; made afresh when either changes.
    private var lookups = SnapshotLookups()

    public init(
        regions: [String: Region] = [:], geographies: [String: Geography] = [:],
        models: [String: FoundationModel] = [:], profiles: [String: SystemProfile] = [:],
        sagemakerModels: [String: SageMakerModel] = [:], tagDefaults: TagDefaults = TagDefaults(),
        tagPolicy: TagPolicy = TagPolicy()
    ) {
        self.tagDefaults = tagDefaults
        self.tagPolicy = tagPolicy
        storedRegions = regions
        self.geographies = geographies
        self.models = models
        storedProfiles = profiles
        self.sagemakerModels = sagemakerModels
    }

    /// The system-defined profiles of one model, sorted by id.
    public func profiles(ofModel modelId: String) -> [SystemProfile] {
        lookups.profiles(ofModel: modelId, in: self)
    }

    /// Commercial Regions with Bedrock in a partition: where a `global` profile may route.
    public func bedrockRegions(inPartition partition: String) -> [String] {
        lookups.bedrockRegions(inPartition: partition, in: self)
    }

    /// The Regions a request made in `source` through `profile` may be served in.
    ///
    /// A geography whose scope is every commercial Region expands to the Region list. A profile
    /// that no listing has shown (no routes) falls back to its geography's destinations when
    /// `source` is one of the geography's sources.
    public func destinations(of profile: SystemProfile, from source: String) -> [String] {
        guard let geography = geographies[profile.geography] else { return profile.routes[source] ?? [] }
        if geography.scope == .allCommercialRegions {
            let isSource = profile.routes[source] != nil
                || (profile.routes.isEmpty && geography.sourceRegions.contains(source))
            return isSource ? bedrockRegions(inPartition: geography.partition) : []
        }
        if let routed = profile.routes[source] { return routed }
        if profile.routes.isEmpty && geography.sourceRegions.contains(source) {
            return geography.destinationRegions
        }
        return []
    }

    /// Every problem with references between entries: unknown Regions, models or geographies.
    /// An empty list means the snapshot is consistent.
    public func integrityIssues() -> [InputIssue] {
        var issues: [InputIssue] = []
        func checkRegion(_ code: String, _ place: String) {
            if regions[code] == nil { issues.append(InputIssue(field: place, problem: "Region \"\(code)\" is not in the catalog")) }
        }
        for geography in geographies.values.sorted(by: { $0.prefix < $1.prefix }) {
            for code in geography.sourceRegions { checkRegion(code, "geography \"\(geography.prefix)\" sourceRegions") }
            for code in geography.destinationRegions {
                checkRegion(code, "geography \"\(geography.prefix)\" destinationRegions")
            }
        }
        for model in models.values.sorted(by: { $0.id < $1.id }) {
            for code in model.regions { checkRegion(code, "model \"\(model.id)\" regions") }
        }
        for profile in profiles.values.sorted(by: { $0.id < $1.id }) {
            let place = "profile \"\(profile.id)\""
            if models[profile.modelId] == nil {
                issues.append(InputIssue(field: place, problem: "model \"\(profile.modelId)\" is not in the catalog"))
            }
            if geographies[profile.geography] == nil {
                issues.append(InputIssue(field: place, problem: "geography \"\(profile.geography)\" is not in the catalog"))
            }
            for (source, destinations) in profile.routes.sorted(by: { $0.key < $1.key }) {
                checkRegion(source, "\(place) routes")
                for code in destinations { checkRegion(code, "\(place) routes from \(source)") }
            }
        }
        return issues
    }
}
