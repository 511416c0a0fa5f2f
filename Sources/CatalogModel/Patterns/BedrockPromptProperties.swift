/// Properties of `bedrock-prompt`: a Bedrock prompt (after the genai constructs' Prompt) whose
/// variant calls a catalog model through the Region's cross-Region profile, the model in the
/// Region alone, or another app's application inference profile.
public struct BedrockPromptProperties: DeploymentPattern {
    public static let kind = PatternKind.bedrockPrompt
    /// The prompt's tags are a map whose keys and values CloudFormation checks against ASCII
    /// letters, digits, spaces and `_ . : / = + - @`.
    public static let tagsAreASCII = true

    public var description: String?
    /// CloudFormation accepts one variant per prompt today.
    public var variants: [Variant]

    public init(description: String? = nil, variants: [Variant]) {
        self.description = description
        self.variants = variants
    }

    public struct Variant: Codable, Hashable, Sendable {
        public var name: String
        /// The template, with `{{variable}}` placeholders; the input variables are read from it.
        public var text: String
        public var model: String
        /// `false`: the model in the Region alone. Default: the Region's cross-Region profile.
        public var crossRegion: Bool?
        /// Use the application inference profile of this `application-inference-profile` app.
        public var inferenceProfileApp: String?
        public var inferenceConfiguration: InferenceConfiguration?

        public init(name: String, text: String, model: String) {
            self.name = name
            self.text = text
            self.model = model
        }

        /// The `{{name}}` placeholders of `text`, in order of first use.
        public var inputVariables: [String] {
            var names: [String] = []
            var rest = Substring(text)
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                let name = String(rest[open.upperBound..<close.lowerBound])
                if !names.contains(name) { names.append(name) }
                rest = rest[close.upperBound...]
            }
            return names
        }
    }

    public struct InferenceConfiguration: Codable, Hashable, Sendable {
        public var temperature: Double?
        public var topP: Double?
        public var maxTokens: Int?
        public var stopSequences: [String]?
    }

    /// Variant and variable names, as `AWS::Bedrock::Prompt` checks them.
    static let nameRule = "1 to 100 letters and digits, each followed by at most one _ or -"
    static func isName(_ value: String) -> Bool {
        var count = 0, previousWasSeparator = true
        for character in value {
            if character.isASCII && (character.isLetter || character.isNumber) {
                count += 1
                previousWasSeparator = false
            } else if character == "_" || character == "-", !previousWasSeparator {
                previousWasSeparator = true
            } else {
                return false
            }
        }
        return (1...100).contains(count)
    }

    /// The variant synthesis builds (the only one CloudFormation accepts).
    public var variant: Variant { variants.first ?? Variant(name: "", text: "", model: "") }

    public var modelId: String? { variants.first?.model }
    public var inferenceProfileApp: String? { variants.first?.inferenceProfileApp }
    public var attachedArns: [(field: String, arn: String?)] { [] }

    private var modelChoice: ModelChoice {
        ModelChoice(modelId: variant.model, modelField: "properties.variants[0].model",
                    crossRegion: variant.crossRegion, inferenceProfileApp: variant.inferenceProfileApp,
                    needsText: "a prompt", appField: "properties.variants[0].inferenceProfileApp")
    }

    public func resolve(in region: String, resolver: InvocationResolver, apps: [String: AppSpec]) throws -> Resolution? {
        try modelChoice.resolve(in: region, resolver: resolver, apps: apps)
    }

    // MARK: - Rules

    public func check(_ check: inout PatternCheck) {
        let at = "properties"
        if let description, description.isEmpty || description.count > 200 {
            check.issues.add("\(at).description", "must be 1 to 200 characters")
        }
        if variants.isEmpty { check.issues.add("\(at).variants", "name one variant: { name, text, model }") }
        for (index, variant) in variants.enumerated() {
            let field = "\(at).variants[\(index)]"
            if index == 1 {
                check.issues.add(field, "CloudFormation accepts one variant per prompt today (AWS::Bedrock::Prompt); "
                    + "make one bedrock-prompt app per variant")
            }
            checkVariant(variant, at: field, &check.issues)
        }
        guard !variants.isEmpty else { return }
        if modelChoice.check(self, &check), let name = variant.inferenceProfileApp {
            check.issues.conflict(variant.crossRegion != nil, "\(at).variants[0].crossRegion",
                                  "does not apply: the profile of app \(quoted(name)) is used as it is, routing as its "
                                      + "modelSource says")
        }
    }

    private func checkVariant(_ variant: Variant, at field: String, _ issues: inout IssueCollector) {
        if !Self.isName(variant.name) {
            issues.add("\(field).name", "\(quoted(variant.name)) is not a variant name: \(Self.nameRule)")
        }
        if variant.text.isEmpty || variant.text.count > 200_000 {
            issues.add("\(field).text", "must be 1 to 200,000 characters")
        }
        let variables = variant.inputVariables
        for name in variables where !Self.isName(name) {
            issues.add("\(field).text", "\(quoted("{{\(name)}}")) is not a variable: \(Self.nameRule)")
        }
        if variables.count > 20 {
            issues.add("\(field).text", "uses \(variables.count) variables; a prompt may have at most 20")
        }
        guard let configuration = variant.inferenceConfiguration else { return }
        let at = "\(field).inferenceConfiguration"
        for (key, value) in [("temperature", configuration.temperature), ("topP", configuration.topP)] {
            if let value, !(0...1).contains(value) { issues.add("\(at).\(key)", "\(value) is outside 0 to 1") }
        }
        if let maxTokens = configuration.maxTokens, !(1...512_000).contains(maxTokens) {
            issues.add("\(at).maxTokens", "\(maxTokens) is outside 1 to 512000")
        }
        if let stops = configuration.stopSequences {
            if stops.count > 4 { issues.add("\(at).stopSequences", "has \(stops.count) entries; at most 4 are allowed") }
            for (index, stop) in stops.enumerated() where stop.isEmpty {
                issues.add("\(at).stopSequences[\(index)]", "must not be empty")
            }
        }
    }
}
