/// Properties of `application-inference-profile`: a standalone profile for cost tracking.
public struct ApplicationInferenceProfileProperties: Codable, Hashable, Sendable {
    public var inferenceProfileName: String?
    public var description: String?
    public var modelSource: ModelSource?
    public var tags: TagMap?
    /// IAM role ARNs that get usage rights on the profile and the models it routes to.
    public var grantTo: [String]?
    /// An application inference profile made elsewhere: no profile is created, `grantTo` still
    /// gets its rights, and `modelSource` tells the catalog where it routes.
    public var existingProfileArn: String?

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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case inferenceProfileName, description, modelSource, tags, grantTo, existingProfileArn
    }

    public init(from decoder: any Decoder) throws {
        let c = try StrictKeys.container(decoder, keyedBy: CodingKeys.self)
        inferenceProfileName = try c.optional(String.self, forKey: .inferenceProfileName, in: decoder)
        description = try c.optional(String.self, forKey: .description, in: decoder)
        modelSource = try c.optional(ModelSource.self, forKey: .modelSource, in: decoder)
        tags = try c.optional(TagMap.self, forKey: .tags, in: decoder)
        grantTo = try c.optional([String].self, forKey: .grantTo, in: decoder)
        existingProfileArn = try c.optional(String.self, forKey: .existingProfileArn, in: decoder)
    }

    /// `{ foundationModel: ID }` (one Region) or `{ crossRegion: { geography: G, model: ID } }`.
    public struct ModelSource: Codable, Hashable, Sendable {
        public var foundationModel: String?
        public var crossRegion: CrossRegion?

        public init(foundationModel: String? = nil, crossRegion: CrossRegion? = nil) {
            self.foundationModel = foundationModel
            self.crossRegion = crossRegion
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case foundationModel, crossRegion }

        public init(from decoder: any Decoder) throws {
            let c = try StrictKeys.container(decoder, keyedBy: CodingKeys.self)
            foundationModel = try c.optional(String.self, forKey: .foundationModel, in: decoder)
            crossRegion = try c.optional(CrossRegion.self, forKey: .crossRegion, in: decoder)
        }

        /// The model id, whichever form names it.
        public var modelId: String? { foundationModel ?? crossRegion?.model }

        /// How the profile routes when deployed in `region`: through the geography's
        /// system-defined profile, or to the model in the Region alone.
        public func resolution(in region: String, resolver: InvocationResolver) throws(CatalogError) -> Resolution {
            try resolver.resolve(modelId: modelId ?? "", region: region, crossRegion: crossRegion != nil,
                                 geography: crossRegion?.geography)
        }
    }

    public struct CrossRegion: Codable, Hashable, Sendable {
        public var geography: String
        public var model: String

        public init(geography: String, model: String) {
            self.geography = geography
            self.model = model
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case geography, model }

        public init(from decoder: any Decoder) throws {
            let c = try StrictKeys.container(decoder, keyedBy: CodingKeys.self)
            let geography = try c.required(String.self, forKey: .geography, in: decoder)
            let model = try c.required(String.self, forKey: .model, in: decoder)
            guard let geography, let model else { throw DecodingProblems.Recorded() }
            self.geography = geography
            self.model = model
        }
    }
}
