import CatalogModel
internal import CatalogStore
import CatalogSynthesis

/// What a deprecation or a Region's withdrawal would touch, before the catalog changes.
extension AppService {
    /// The catalog entry an impact report is about.
    public enum ImpactSubject: Sendable {
        /// A Bedrock model id or a SageMaker model name.
        case model(String)
        case profile(String)
        case region(String)
        case geography(String)
    }

    /// One live app's Region whose template is (or would be) built from the entry.
    public struct ImpactedRegion: Encodable, Hashable, Sendable {
        public var app: String
        public var team: String
        public var region: String
        /// The current template version; `nil` (JSON `null`) when the Region has none yet (not synthesized).
        @Nullable public var version: Int?
        /// Whether the spec would still check out in this Region with the entry gone.
        public var validates: Bool
        /// Why not: the validator's problems for this Region and for the spec as a whole.
        public var issues: [String]
    }

    /// The entry (`kind`, `ref`) and every live app's Region built from it, by app then Region.
    public struct Impact: Encodable, Sendable {
        public var kind: EntityKind
        public var ref: String
        public var regions: [ImpactedRegion]
    }

    /// The live apps and Regions whose current templates were built from the entry, and the
    /// Regions not synthesized yet whose templates would be; each checked against the catalog
    /// without the entry (`CatalogSnapshot.removing`). An entry the catalog does not know is
    /// an error with suggestions.
    public func impact(of subject: ImpactSubject) throws -> Impact {
        let catalog = try repository.snapshot()
        let (kind, ref) = try Self.entry(subject, in: catalog)
        var places = try repository.currentTemplates(builtFrom: kind, ref: ref, including: [])
            .map { (app: $0.app, region: $0.region, version: Optional($0.version)) }
        let unsynthesized = try repository.unsynthesizedRegions()
        // Only the apps touched are read, with the apps whose profiles they use.
        var specs = Self.specsByName(try repository.liveApps(
            named: Array(Set(places.map(\.app) + unsynthesized.map(\.app))), team: nil, pattern: nil))
        let profileApps = Set(specs.values.compactMap(\.inferenceProfileApp)).subtracting(specs.keys)
        specs.merge(Self.specsByName(try repository.liveApps(named: Array(profileApps), team: nil, pattern: nil))) { a, _ in a }
        for place in unsynthesized {
            guard let spec = specs[place.app],
                  Self.wouldBuild(spec, in: place.region, from: kind, ref, catalog: catalog, apps: specs) else { continue }
            places.append((app: place.app, region: place.region, version: nil))
        }
        let validator = AppSpecValidator(catalog: catalog.removing(kind, ref), apps: specs)
        var issues: [String: [InputIssue]] = [:]
        let regions = places.sorted { ($0.app, $0.region) < ($1.app, $1.region) }.compactMap { place -> ImpactedRegion? in
            guard let spec = specs[place.app] else { return nil }
            // Each spec is checked once, however many of its Regions are touched.
            let found = issues[spec.name] ?? validator.issues(spec)
            issues[spec.name] = found
            let here = found.filter { Self.issue($0, concerns: place.region, of: spec) }.map(\.description)
            return ImpactedRegion(app: spec.name, team: spec.team, region: place.region, version: place.version,
                                  validates: here.isEmpty, issues: here)
        }
        return Impact(kind: kind, ref: ref, regions: regions)
    }

    /// The dependency kind and ref templates record for the subject, once the catalog is known to have it.
    private static func entry(_ subject: ImpactSubject, in catalog: CatalogSnapshot) throws -> (EntityKind, String) {
        switch subject {
        case let .model(name): (try catalog.modelKind(of: name), name)
        case let .profile(id): (.profile, try catalog.profile(id).id)
        case let .region(code): (.region, try InvocationResolver(catalog: catalog).regionInCatalog(code).code)
        case let .geography(prefix): (.geography, try catalog.geography(prefix).prefix)
        }
    }

    /// Whether the spec's template in `region` would be built from `ref` of `kind`: what
    /// synthesizing it now would record or, when it cannot be synthesized, what its spec names.
    private static func wouldBuild(
        _ spec: AppSpec, in region: String, from kind: EntityKind, _ ref: String, catalog: CatalogSnapshot,
        apps: [String: AppSpec]
    ) -> Bool {
        if let template = try? Synthesizer.synthesize(spec, region: region, catalog: catalog, apps: apps) {
            return template.dependencies.refs(kind).contains(ref)
        }
        switch kind {
        case .model, .sagemakerModel: return spec.modelName == ref
        case .region: return region == ref
        case .profile, .geography, .app, .tagDefaults, .tagPolicy: return false
        }
    }

    /// A problem concerns a Region unless it is at another Region of the spec (`regions[i]`).
    private static func issue(_ issue: InputIssue, concerns region: String, of spec: AppSpec) -> Bool {
        guard issue.field.hasPrefix("regions["), issue.field.hasSuffix("]"),
              let index = Int(issue.field.dropFirst("regions[".count).dropLast()), spec.regions.indices.contains(index)
        else { return true }
        return spec.regions[index] == region
    }
}
