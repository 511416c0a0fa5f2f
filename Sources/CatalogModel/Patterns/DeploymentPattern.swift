/// A pattern's properties and rules: what every pattern tells the rest of deploycat. Each
/// pattern is one type conforming to this, in its own file, and one case of `PatternProperties`.
public protocol DeploymentPattern: Codable, Hashable, Sendable {
    static var kind: PatternKind { get }
    /// The properties of a spec that leaves them out, when every property is optional.
    static var defaultProperties: Self? { get }
    /// Whether a resource of the pattern takes only ASCII tags (its CloudFormation schema's
    /// pattern), narrower than AWS's tag rules for most resources.
    static var tagsAreASCII: Bool { get }
    /// The Bedrock model the app calls.
    var modelId: String? { get }
    /// The model as listings name it; default: `modelId`.
    var modelName: String? { get }
    /// The app whose profile this app uses instead of its own, if any.
    var inferenceProfileApp: String? { get }
    /// Tags the pattern puts on its inference profile on top of the app's, and the field they are in.
    var profileTags: (field: String, tags: TagMap)? { get }
    /// ARNs of existing resources the template attaches to, with their fields: they must be in
    /// the account the stack is deployed to.
    var attachedArns: [(field: String, arn: String?)] { get }
    /// Adds every problem of the properties to `check`, and resolves each Region where the
    /// model fields allow it (`PatternCheck.resolveRegions`).
    func check(_ check: inout PatternCheck)
    /// How the app calls its Bedrock model when deployed in `region`; `nil` for a pattern that
    /// calls none.
    func resolve(in region: String, resolver: InvocationResolver, apps: [String: AppSpec]) throws -> Resolution?
    /// Whether the pattern's Regions must offer Bedrock; otherwise any Region in the catalog will do.
    static var needsBedrock: Bool { get }
    /// Whether the app runs batch inference jobs, whose usage counts jobs and records rather than requests.
    static var runsBatchJobs: Bool { get }
}

extension DeploymentPattern {
    public static var defaultProperties: Self? { nil }
    public static var tagsAreASCII: Bool { false }
    public static var needsBedrock: Bool { true }
    public static var runsBatchJobs: Bool { false }
    public var inferenceProfileApp: String? { nil }
    public var modelName: String? { modelId }
    public var profileTags: (field: String, tags: TagMap)? { nil }
}

/// What a pattern's rules look at besides its properties, and what they find: the problems,
/// and the resolution of every Region that has none, which synthesis uses as it is.
public struct PatternCheck {
    /// The app being checked, and the account its spec names.
    public let app: String
    public let account: String?
    public let catalog: CatalogSnapshot
    let resolver: InvocationResolver
    /// The other apps by name, for a spec that names one.
    public let apps: [String: AppSpec]
    /// The spec's Regions that exist (and offer Bedrock, when the pattern needs it), with their
    /// index in `regions`.
    public let regions: [(index: Int, code: String)]
    var issues = IssueCollector()
    public internal(set) var resolutions: [String: Resolution] = [:]

    /// Resolves the pattern in every Region; a Region that cannot be served is an issue at
    /// `regions[i]` naming what would work instead, unless `reporting` is off (the failure is
    /// then another app's to report).
    mutating func resolveRegions(_ pattern: some DeploymentPattern, reporting: Bool = true) {
        for region in regions {
            do {
                if let resolution = try pattern.resolve(in: region.code, resolver: resolver, apps: apps) {
                    resolutions[region.code] = resolution
                }
            } catch {
                if reporting { issues.add("regions[\(region.index)]", "\(error)") }
            }
        }
    }

    /// The model, or an issue at `field` naming close ids.
    mutating func model(_ id: String, at field: String) -> FoundationModel? {
        do {
            return try resolver.model(id)
        } catch {
            issues.add(field, error.description)
            return nil
        }
    }
}
