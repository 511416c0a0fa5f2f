/// A pattern's properties, typed by pattern: the one place where the patterns are listed.
/// Adding a pattern adds one case here and one arm in each switch below.
///
/// `indirect`: the properties are kept in a box of their own, so a spec is a few words however
/// large its pattern's properties, and a rebuild's thousands of specs (held twice, by name)
/// take their size once.
public indirect enum PatternProperties: Hashable, Sendable {
    case lambdaBedrockInferenceProfile(LambdaInferenceProfileProperties)
    case applicationInferenceProfile(ApplicationInferenceProfileProperties)
    case bedrockPrompt(BedrockPromptProperties)
    case bedrockAgent(BedrockAgentProperties)
    case lambdaSagemakerEndpoint(LambdaSageMakerEndpointProperties)
    case bedrockBatchStepfn(BedrockBatchProperties)

    /// The properties as the protocol every pattern answers.
    public var deploymentPattern: any DeploymentPattern {
        switch self {
        case let .lambdaBedrockInferenceProfile(properties): properties
        case let .applicationInferenceProfile(properties): properties
        case let .bedrockPrompt(properties): properties
        case let .bedrockAgent(properties): properties
        case let .lambdaSagemakerEndpoint(properties): properties
        case let .bedrockBatchStepfn(properties): properties
        }
    }

    public var kind: PatternKind { type(of: deploymentPattern).kind }

    /// Reads the `properties` of a spec whose `pattern` is `kind`.
    static func decode<Key: CodingKey>(
        _ kind: PatternKind, from container: KeyedDecodingContainer<Key>, forKey key: Key
    ) throws -> PatternProperties {
        switch kind {
        case .lambdaBedrockInferenceProfile: .lambdaBedrockInferenceProfile(try read(container, key))
        case .applicationInferenceProfile: .applicationInferenceProfile(try read(container, key))
        case .bedrockPrompt: .bedrockPrompt(try read(container, key))
        case .bedrockAgent: .bedrockAgent(try read(container, key))
        case .lambdaSagemakerEndpoint: .lambdaSagemakerEndpoint(try read(container, key))
        case .bedrockBatchStepfn: .bedrockBatchStepfn(try read(container, key))
        }
    }

    private static func read<Pattern: DeploymentPattern, Key: CodingKey>(
        _ container: KeyedDecodingContainer<Key>, _ key: Key
    ) throws -> Pattern {
        guard let defaults = Pattern.defaultProperties else { return try container.decode(Pattern.self, forKey: key) }
        return try container.decodeIfPresent(Pattern.self, forKey: key) ?? defaults
    }
}
