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

    /// Reads every field before giving up, so a missing `team` does not hide a typo under
    /// `properties` when problems are being recorded.
    public init(from decoder: any Decoder) throws {
        let c = try StrictKeys.container(decoder, keyedBy: CodingKeys.self)
        let name = try c.required(String.self, forKey: .name, in: decoder)
        let team = try c.required(String.self, forKey: .team, in: decoder)
        let pattern = try c.required(PatternKind.self, forKey: .pattern, in: decoder)
        let regions = try c.required([String].self, forKey: .regions, in: decoder)
        account = try c.optional(String.self, forKey: .account, in: decoder)
        stage = try c.optional(String.self, forKey: .stage, in: decoder)
        tags = try c.optional(TagMap.self, forKey: .tags, in: decoder) ?? TagMap()
        let properties: PatternProperties? = switch pattern {
        case .lambdaBedrockInferenceProfile:
            try c.required(LambdaInferenceProfileProperties.self, forKey: .properties, in: decoder)
                .map { .lambdaBedrockInferenceProfile($0) }
        case .applicationInferenceProfile:
            .applicationInferenceProfile(
                try c.optional(ApplicationInferenceProfileProperties.self, forKey: .properties, in: decoder)
                    ?? ApplicationInferenceProfileProperties())
        case nil: nil
        }
        guard let name, let team, let pattern, let regions, let properties else { throw DecodingProblems.Recorded() }
        self.name = name
        self.team = team
        self.pattern = pattern
        self.regions = regions
        self.properties = properties
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
