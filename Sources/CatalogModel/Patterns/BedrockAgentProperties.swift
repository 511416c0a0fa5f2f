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
    /// Inference settings of the orchestration prompt; Bedrock takes them only with a template
    /// of one's own (`orchestrationPromptTemplate`).
    public var inferenceConfiguration: InferenceConfiguration?
    /// The orchestration prompt's template, replacing Bedrock's default for the model.
    public var orchestrationPromptTemplate: String?

    public struct InferenceConfiguration: Codable, Hashable, Sendable {
        public var temperature: Double?
        public var topP: Double?
        public var topK: Int?
        public var maximumLength: Int?
        public var stopSequences: [String]?
    }

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
        checkOrchestration(&check.issues)
        if modelChoice.check(self, &check), let name = inferenceProfileApp {
            check.issues.conflict(crossRegion != nil, "\(at).crossRegion", "does not apply: the profile of app "
                + "\(quoted(name)) is used as it is, routing as its modelSource says")
        }
    }

    /// A JSON object with `anthropic_version`, `system` and `messages`, placeholders such as
    /// `$instruction$` inside its strings.
    static func isMessagesTemplate(_ template: String) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: Data(template.utf8)) as? [String: Any] else { return false }
        return object["anthropic_version"] is String && object["system"] != nil && object["messages"] is [Any]
    }

    /// Inference settings and the template go together: Bedrock applies settings only to an
    /// orchestration prompt whose template is overridden.
    private func checkOrchestration(_ issues: inout IssueCollector) {
        let at = "properties"
        if let template = orchestrationPromptTemplate {
            if template.isEmpty || template.count > 100_000 {
                issues.add("\(at).orchestrationPromptTemplate", "must be 1 to 100,000 characters")
            } else if InferenceRules.takesMessages(foundationModel), !Self.isMessagesTemplate(template) {
                issues.add("\(at).orchestrationPromptTemplate", "\(foundationModel) takes an orchestration template in "
                    + "the Messages API's JSON form: {\"anthropic_version\": \"bedrock-2023-05-31\", \"system\": \"...\", "
                    + "\"messages\": [...]}; start from the model's default template")
            }
            issues.conflict(inferenceConfiguration == nil, "\(at).inferenceConfiguration", "is required with "
                + "orchestrationPromptTemplate: an overridden orchestration prompt takes its own inference settings")
        }
        guard let configuration = inferenceConfiguration else { return }
        issues.conflict(orchestrationPromptTemplate == nil, "\(at).orchestrationPromptTemplate", "is required with "
            + "inferenceConfiguration: Bedrock applies inference settings only to an orchestration prompt whose template "
            + "is overridden; start from the model's default template (the agent's Advanced prompts in the Bedrock console)")
        let field = "\(at).inferenceConfiguration"
        InferenceRules.checkSampling(temperature: configuration.temperature, topP: configuration.topP, at: field, &issues)
        InferenceRules.checkOneOfTemperatureAndTopP(modelId: foundationModel, temperature: configuration.temperature,
                                                    topP: configuration.topP, at: field, &issues)
        InferenceRules.check(configuration.topK, in: 0...500, at: "\(field).topK", &issues)
        InferenceRules.check(configuration.maximumLength, in: 0...131_072, at: "\(field).maximumLength", &issues)
        InferenceRules.checkStops(configuration.stopSequences, at: field, &issues)
    }
}
