import Foundation

/// Properties of `bedrock-agent`: a Bedrock agent (after the genai constructs' Agent) whose
/// foundation model is a catalog model called through the Region's cross-Region profile, the
/// model in the Region alone, or another app's application inference profile.
public struct BedrockAgentProperties: DeploymentPattern {
    public static let kind = PatternKind.bedrockAgent
    /// The agent's tags are a map CloudFormation checks against ASCII characters.
    public static let tagsAreASCII = true

    /// What the agent does and how: at least 40 characters, as CloudFormation requires.
    public var instruction: String
    public var foundationModel: String
    /// `false`: the model in the Region alone. Default: the Region's cross-Region profile.
    public var crossRegion: Bool?
    /// Use the application inference profile of this `application-inference-profile` app.
    public var inferenceProfileApp: String?
    public var description: String?
    /// How long a conversation is kept without activity: 60 to 5400 seconds.
    public var idleSessionTTLInSeconds: Int?

    public init(instruction: String, foundationModel: String) {
        self.instruction = instruction
        self.foundationModel = foundationModel
    }

    static let minInstruction = 40
    static let idleSessionRange = 60...5400

    public var modelId: String? { foundationModel }
    public var attachedArns: [(field: String, arn: String?)] { [] }

    private var modelChoice: ModelChoice {
        ModelChoice(modelId: foundationModel, modelField: "properties.foundationModel", crossRegion: crossRegion,
                    inferenceProfileApp: inferenceProfileApp, needsText: "an agent")
    }

    public func resolve(in region: String, resolver: InvocationResolver, apps: [String: AppSpec]) throws -> Resolution? {
        try modelChoice.resolve(in: region, resolver: resolver, apps: apps)
    }

    // MARK: - Rules

    public func check(_ check: inout PatternCheck) {
        let at = "properties"
        // Counted without the spaces around it, which say nothing to the agent.
        let length = instruction.trimmingCharacters(in: .whitespacesAndNewlines).count
        if length < Self.minInstruction {
            check.issues.add("\(at).instruction", "is \(length) characters; an agent's instruction needs at "
                + "least \(Self.minInstruction)")
        }
        if let description, description.isEmpty || description.count > 200 {
            check.issues.add("\(at).description", "must be 1 to 200 characters")
        }
        if let ttl = idleSessionTTLInSeconds, !Self.idleSessionRange.contains(ttl) {
            check.issues.add("\(at).idleSessionTTLInSeconds", "\(ttl) is outside \(Self.idleSessionRange.lowerBound) to "
                + "\(Self.idleSessionRange.upperBound) (seconds)")
        }
        if modelChoice.check(self, &check), let name = inferenceProfileApp {
            check.issues.conflict(crossRegion != nil, "\(at).crossRegion", "does not apply: the profile of app "
                + "\(quoted(name)) is used as it is, routing as its modelSource says")
        }
    }
}
