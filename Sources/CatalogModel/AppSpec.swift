/// One application's deployment spec: which pattern it uses, in which Regions, with which
/// properties and cost-allocation tags.
public struct AppSpec: Codable, Hashable, Sendable {
    /// Lowercase letters, digits and `-`, 1 to 63 characters; unique in the catalog.
    public var name: String
    public var team: String
    public var pattern: PatternKind
    /// One template per Region.
    public var regions: [String]
    public var account: String?
    public var stage: String?
    public var tags: TagMap
    public var properties: PatternProperties

    public init(
        name: String, team: String, regions: [String], account: String? = nil, stage: String? = nil,
        tags: TagMap = TagMap(), properties: PatternProperties
    ) {
        self.name = name
        self.team = team
        self.pattern = properties.kind
        self.regions = regions
        self.account = account
        self.stage = stage
        self.tags = tags
        self.properties = properties
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, team, pattern, regions, account, stage, tags, properties
    }

    public init(from decoder: any Decoder) throws {
        let c = try StrictKeys.container(decoder, keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        team = try c.decode(String.self, forKey: .team)
        pattern = try c.decode(PatternKind.self, forKey: .pattern)
        regions = try c.decode([String].self, forKey: .regions)
        account = try c.decodeIfPresent(String.self, forKey: .account)
        stage = try c.decodeIfPresent(String.self, forKey: .stage)
        tags = try c.decodeIfPresent(TagMap.self, forKey: .tags) ?? TagMap()
        switch pattern {
        case .lambdaBedrockInferenceProfile:
            properties = .lambdaBedrockInferenceProfile(
                try c.decode(LambdaInferenceProfileProperties.self, forKey: .properties))
        case .applicationInferenceProfile:
            properties = .applicationInferenceProfile(
                try c.decodeIfPresent(ApplicationInferenceProfileProperties.self, forKey: .properties)
                    ?? ApplicationInferenceProfileProperties())
        }
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
        switch properties {
        case let .lambdaBedrockInferenceProfile(properties): try c.encode(properties, forKey: .properties)
        case let .applicationInferenceProfile(properties): try c.encode(properties, forKey: .properties)
        }
    }
}

/// A pattern's properties, typed by pattern.
public enum PatternProperties: Hashable, Sendable {
    case lambdaBedrockInferenceProfile(LambdaInferenceProfileProperties)
    case applicationInferenceProfile(ApplicationInferenceProfileProperties)

    public var kind: PatternKind {
        switch self {
        case .lambdaBedrockInferenceProfile: .lambdaBedrockInferenceProfile
        case .applicationInferenceProfile: .applicationInferenceProfile
        }
    }
}

extension AppSpec {
    /// The model the app calls, whichever pattern names it.
    public var modelId: String? {
        switch properties {
        case let .lambdaBedrockInferenceProfile(properties): properties.bedrockModelId
        case let .applicationInferenceProfile(properties): properties.modelSource?.modelId
        }
    }

    /// The app whose profile this app uses instead of its own, if any.
    public var inferenceProfileApp: String? {
        if case let .lambdaBedrockInferenceProfile(properties) = properties { return properties.inferenceProfileApp }
        return nil
    }
}
