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
        /// A catalog model; or `promptRouter`.
        public var model: String?
        /// A default prompt router of the Region, which picks the model per request.
        public var promptRouter: PromptRouter?
        /// `false`: the model in the Region alone. Default: the Region's cross-Region profile.
        public var crossRegion: Bool?
        /// Use the application inference profile of this `application-inference-profile` app.
        public var inferenceProfileApp: String?
        public var inferenceConfiguration: InferenceConfiguration?

        public init(name: String, text: String, model: String?) {
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
        /// Passed in the model's own request fields (`TopKField`).
        public var topK: Int?
    }

    /// `{ defaultId: anthropic.claude:1 }`: `default-prompt-router/anthropic.claude:1` in the Region.
    public struct PromptRouter: Codable, Hashable, Sendable {
        public var defaultId: String

        public init(defaultId: String) {
            self.defaultId = defaultId
        }

        /// `provider.family:version`, such as `anthropic.claude:1` or `meta.llama:1`.
        var isValid: Bool {
            let parts = defaultId.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let version = Int(parts[1]), version > 0 else { return false }
            let names = parts[0].split(separator: ".", omittingEmptySubsequences: false)
            return names.count == 2 && names.allSatisfy { name in
                (1...63).contains(name.count) && name.allSatisfy { ($0.isASCII && $0.isLowercase) || $0.isNumber || $0 == "-" }
            }
        }
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
    public var variant: Variant { variants.first ?? Variant(name: "", text: "", model: nil) }

    public var modelId: String? { variants.first?.model }
    public var inferenceProfileApp: String? { variants.first?.inferenceProfileApp }
    public var attachedArns: [(field: String, arn: String?)] { [] }

    /// `nil` with a prompt router.
    private var modelChoice: ModelChoice? {
        variant.model.map { ModelChoice(modelId: $0, modelField: "properties.variants[0].model",
                    crossRegion: variant.crossRegion, inferenceProfileApp: variant.inferenceProfileApp,
                    needsText: "a prompt", appField: "properties.variants[0].inferenceProfileApp") }
    }

    /// How the variant's model is called; `nil` through a prompt router, which picks models itself.
    public func resolve(in region: String, resolver: InvocationResolver, apps: [String: AppSpec]) throws -> Resolution? {
        try modelChoice?.resolve(in: region, resolver: resolver, apps: apps)
    }

    // MARK: - Rules

    public func check(_ check: inout PatternCheck) {
        let at = "properties"
        if let description, description.isEmpty || description.count > 200 {
            check.issues.add("\(at).description", "must be 1 to 200 characters")
        }
        if variants.isEmpty { check.issues.add("\(at).variants", "name one variant: { name, text, model } or { name, text, promptRouter }") }
        for (index, variant) in variants.enumerated() {
            let field = "\(at).variants[\(index)]"
            if index == 1 {
                check.issues.add(field, "CloudFormation accepts one variant per prompt today (AWS::Bedrock::Prompt); "
                    + "make one bedrock-prompt app per variant")
            }
            checkVariant(variant, at: field, &check.issues)
        }
        guard !variants.isEmpty else { return }
        let field = "\(at).variants[0]"
        if let router = variant.promptRouter {
            checkRouter(router, at: field, &check.issues)
        } else if let modelChoice {
            if modelChoice.check(self, &check), let name = variant.inferenceProfileApp {
                check.issues.conflict(variant.crossRegion != nil, "\(field).crossRegion",
                                      "does not apply: the profile of app \(quoted(name)) is used as it is, routing as its "
                                          + "modelSource says")
            }
        } else {
            check.issues.add(field, "give model (a catalog model) or promptRouter ({ defaultId: anthropic.claude:1 })")
        }
        if let model = variant.model, let topK = variant.inferenceConfiguration?.topK {
            if let known = TopKField.of(modelId: model) {
                InferenceRules.check(topK, in: known.range, at: "\(field).inferenceConfiguration.topK", &check.issues)
            } else {
                check.issues.add("\(field).inferenceConfiguration.topK", "deploycat knows how \(TopKField.known) take "
                    + "top-k, not \(model); leave topK out")
            }
        }
    }

    /// A router picks the model per request: the model's own settings do not apply.
    private func checkRouter(_ router: PromptRouter, at field: String, _ issues: inout IssueCollector) {
        if !router.isValid {
            issues.add("\(field).promptRouter.defaultId", "\(quoted(router.defaultId)) is not a default prompt router id "
                + "such as \"anthropic.claude:1\" or \"meta.llama:1\"")
        }
        let routed = "does not apply with promptRouter: the router picks the model"
        issues.conflict(variant.model != nil, "\(field).model", "give either model or promptRouter, not both")
        issues.conflict(variant.crossRegion != nil, "\(field).crossRegion", routed)
        issues.conflict(variant.inferenceProfileApp != nil, "\(field).inferenceProfileApp", routed)
        issues.conflict(variant.inferenceConfiguration?.topK != nil, "\(field).inferenceConfiguration.topK",
                        "\(routed), and top-k is a field of each model's own request")
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
        InferenceRules.checkSampling(temperature: configuration.temperature, topP: configuration.topP, at: at, &issues)
        InferenceRules.checkOneOfTemperatureAndTopP(modelId: variant.model, temperature: configuration.temperature,
                                                    topP: configuration.topP, at: at, &issues)
        InferenceRules.check(configuration.maxTokens, in: 1...512_000, at: "\(at).maxTokens", &issues)
        InferenceRules.checkStops(configuration.stopSequences, at: at, &issues)
    }
}
