/// One application's deployment spec: which pattern it uses, in which Regions, with which
/// properties and cost-allocation tags.
public struct AppSpec: Codable, Hashable, Sendable, StrictDecodable {
    /// Lowercase letters, digits and `-`, 1 to 63 characters; unique in the catalog.
    public var name: String
    public var team: String
    public var pattern: PatternKind
    /// One template per Region.
    public var regions: [String]
    public var account: String?
    public var stage: String?
    public var tags: TagMap
    /// Monthly calls per Region, for `deploycat cost estimate`.
    public var usage: Usage?
    public var properties: PatternProperties

    public init(
        name: String, team: String, regions: [String], account: String? = nil, stage: String? = nil,
        tags: TagMap = TagMap(), usage: Usage? = nil, properties: PatternProperties
    ) {
        self.name = name
        self.team = team
        self.pattern = properties.kind
        self.regions = regions
        self.account = account
        self.stage = stage
        self.tags = tags
        self.usage = usage
        self.properties = properties
    }

    enum CodingKeys: String, CodingKey {
        case name, team, pattern, regions, account, stage, tags, usage, properties
    }

    /// The type of `properties` depends on `pattern`; everything else is read as declared.
    public init(from decoder: any Decoder) throws {
        if let value = try Self.strictly(decoder) {
            self = value
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        team = try c.decode(String.self, forKey: .team)
        let pattern = try c.required(PatternKind.self, forKey: .pattern, in: decoder)
        regions = try c.decode([String].self, forKey: .regions)
        account = try c.decodeIfPresent(String.self, forKey: .account)
        stage = try c.decodeIfPresent(String.self, forKey: .stage)
        tags = try c.decodeIfPresent(TagMap.self, forKey: .tags) ?? TagMap()
        usage = try c.decodeIfPresent(Usage.self, forKey: .usage)
        // Without a pattern the properties cannot be read; the pattern's problem is recorded.
        guard let pattern else {
            _ = c.contains(.properties)  // still one of the keys a spec allows
            throw DecodingProblems.Recorded()
        }
        self.pattern = pattern
        properties = try PatternProperties.decode(pattern, from: c, forKey: .properties)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(team, forKey: .team)
        try c.encode(pattern, forKey: .pattern)
        try c.encode(regions, forKey: .regions)
        try c.encodeIfPresent(account, forKey: .account)
        try c.encodeIfPresent(stage, forKey: .stage)
        if !tags.values.isEmpty { try c.encode(tags, forKey: .tags) }
        try c.encodeIfPresent(usage, forKey: .usage)
        try c.encode(properties.deploymentPattern, forKey: .properties)
    }
}

extension AppSpec {
    /// The Bedrock model the app calls, whichever pattern names it.
    public var modelId: String? { properties.deploymentPattern.modelId }

    /// The model as listings name it: the Bedrock model id, or the catalog's SageMaker model.
    public var modelName: String? { properties.deploymentPattern.modelName }

    /// The app whose profile this app uses instead of its own, if any.
    public var inferenceProfileApp: String? { properties.deploymentPattern.inferenceProfileApp }

    /// The profile's properties, when this is an `application-inference-profile` app (one
    /// another app may name as its `inferenceProfileApp`).
    public var applicationProfile: ApplicationInferenceProfileProperties? {
        if case let .applicationInferenceProfile(properties) = properties { return properties }
        return nil
    }
}
