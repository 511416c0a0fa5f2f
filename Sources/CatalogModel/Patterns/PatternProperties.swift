/// A pattern's properties, typed by pattern: the one place where the patterns are listed.
/// Adding a pattern adds one case here and one arm in each switch below.
public enum PatternProperties: Hashable, Sendable {
    case lambdaBedrockInferenceProfile(LambdaInferenceProfileProperties)
    case applicationInferenceProfile(ApplicationInferenceProfileProperties)

    /// The properties as the protocol every pattern answers.
    public var pattern: any DeploymentPattern {
        switch self {
        case let .lambdaBedrockInferenceProfile(properties): properties
        case let .applicationInferenceProfile(properties): properties
        }
    }

    public var kind: PatternKind { type(of: pattern).kind }

    /// Reads the `properties` of a spec whose `pattern` is `kind`.
    static func decode<Key: CodingKey>(
        _ kind: PatternKind, from container: KeyedDecodingContainer<Key>, forKey key: Key
    ) throws -> PatternProperties {
        switch kind {
        case .lambdaBedrockInferenceProfile:
            .lambdaBedrockInferenceProfile(try container.decode(LambdaInferenceProfileProperties.self, forKey: key))
        case .applicationInferenceProfile:
            // Every property is optional, so the whole block may be left out.
            .applicationInferenceProfile(try container.decodeIfPresent(
                ApplicationInferenceProfileProperties.self, forKey: key) ?? ApplicationInferenceProfileProperties())
        }
    }
}
