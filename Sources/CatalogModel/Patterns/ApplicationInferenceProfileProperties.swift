/// Properties of `application-inference-profile`: a standalone profile for cost tracking.
public struct ApplicationInferenceProfileProperties: DeploymentPattern {
    public static let kind = PatternKind.applicationInferenceProfile
    /// Every property is optional: a spec may leave `properties` out.
    public static var defaultProperties: Self? { Self() }

    public var inferenceProfileName: String?
    public var description: String?
    public var modelSource: ModelSource?
    public var tags: TagMap?
    /// IAM role ARNs that get usage rights on the profile and the models it routes to.
    public var grantTo: [String]?
    /// An application inference profile made elsewhere: no profile is created, `grantTo` still
    /// gets its rights, and `modelSource` tells the catalog where it routes.
    public var existingProfileArn: String?

    /// The properties of the `application-inference-profile` app named `name`, which another
    /// app names as its `inferenceProfileApp`.
    public static func ofApp(_ name: String, in apps: [String: AppSpec]) throws(AppError) -> Self {
        guard let profile = apps[name]?.applicationProfile else {
            throw AppError.unknownApp(name: name, suggestions: Suggestions.closest(to: name, in: apps.keys))
        }
        return profile
    }

    /// The name of the CloudFormation export that carries an app's profile ARN in its Region,
    /// which apps naming it in `inferenceProfileApp` import.
    public static func exportName(app: String) -> String {
        "deploycat-\(app)-InferenceProfileArn"
    }

    public init(
        inferenceProfileName: String? = nil, description: String? = nil, modelSource: ModelSource? = nil,
        tags: TagMap? = nil, grantTo: [String]? = nil, existingProfileArn: String? = nil
    ) {
        self.inferenceProfileName = inferenceProfileName
        self.description = description
        self.modelSource = modelSource
        self.tags = tags
        self.grantTo = grantTo
        self.existingProfileArn = existingProfileArn
    }

    /// `{ foundationModel: ID }` (one Region) or `{ crossRegion: { geography: G, model: ID } }`.
    public struct ModelSource: Codable, Hashable, Sendable {
        public var foundationModel: String?
        public var crossRegion: CrossRegion?

        public init(foundationModel: String? = nil, crossRegion: CrossRegion? = nil) {
            self.foundationModel = foundationModel
            self.crossRegion = crossRegion
        }

        /// The model id, whichever form names it.
        public var modelId: String? { foundationModel ?? crossRegion?.model }
    }

    public struct CrossRegion: Codable, Hashable, Sendable {
        public var geography: String
        public var model: String

        public init(geography: String, model: String) {
            self.geography = geography
            self.model = model
        }
    }

    public var modelId: String? { modelSource?.modelId }

    public var profileTags: (field: String, tags: TagMap)? { tags.map { ("properties.tags", $0) } }

    public var attachedArns: [(field: String, arn: String?)] {
        [("properties.existingProfileArn", existingProfileArn)]
            + (grantTo ?? []).enumerated().map { ("properties.grantTo[\($0)]", $1) }
    }

    public func resolve(in region: String, resolver: InvocationResolver, apps: [String: AppSpec]) throws -> Resolution? {
        try routing(in: region, resolver: resolver)
    }

    /// Through the geography's system-defined profile, or to the model in the Region alone.
    func routing(in region: String, resolver: InvocationResolver) throws -> Resolution {
        try resolver.resolve(modelId: modelId ?? "", region: region, crossRegion: modelSource?.crossRegion != nil,
                             geography: modelSource?.crossRegion?.geography)
    }

    // MARK: - Rules

    public func check(_ check: inout PatternCheck) {
        let at = "properties"
        check.issues.checkProfileName(inferenceProfileName, at: "\(at).inferenceProfileName")
        check.issues.checkProfileDescription(description, at: "\(at).description")
        if let arn = existingProfileArn {
            if let region = ARN.applicationProfileRegion(arn) {
                check.issues.requireOnly(region, in: check.regions, for: "the existing profile")
            } else {
                check.issues.add("\(at).existingProfileArn", "\(quoted(arn)) is not an application inference profile ARN "
                    + "such as \"arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123def456\"")
            }
            let madeElsewhere = "applies to a profile deploycat creates; the existing profile keeps its own"
            check.issues.conflict(inferenceProfileName != nil, "\(at).inferenceProfileName", madeElsewhere)
            check.issues.conflict(description != nil, "\(at).description", madeElsewhere)
            check.issues.conflict(tags != nil, "\(at).tags", madeElsewhere)
        }
        checkModelSource(&check)
        for (i, role) in (grantTo ?? []).enumerated() where ARN.roleName(role) == nil {
            check.issues.add("\(at).grantTo[\(i)]", "\(quoted(role)) is not an IAM role ARN such as "
                + "\"arn:aws:iam::123456789012:role/reporting\"")
        }
    }

    private func checkModelSource(_ check: inout PatternCheck) {
        let at = "properties.modelSource"
        guard let source = modelSource else {
            let why = existingProfileArn != nil ? "so the catalog knows where the existing profile routes"
                : "it is what the profile copies"
            check.issues.add(at, "is required (\(why)): { foundationModel: ID } or { crossRegion: { geography: G, model: ID } }")
            return
        }
        switch (source.foundationModel, source.crossRegion) {
        case let (id?, nil):
            if check.model(id, at: "\(at).foundationModel") != nil { check.resolveRegions(self) }
        case let (nil, cross?):
            guard check.catalog.geographies[cross.geography] != nil else {
                check.issues.add("\(at).crossRegion.geography", CatalogError.unknownGeography(
                    prefix: cross.geography, known: check.catalog.geographies.keys.sorted()).description)
                return
            }
            if check.model(cross.model, at: "\(at).crossRegion.model") != nil { check.resolveRegions(self) }
        default:
            check.issues.add(at, "give either foundationModel (one Region) or crossRegion (a system-defined profile), not both")
        }
    }
}
