/// Properties of `lambda-bedrock-inference-profile`, named as in the LambdaToBedrockInferenceProfile
/// construct.
public struct LambdaInferenceProfileProperties: DeploymentPattern {
    public static let kind = PatternKind.lambdaBedrockInferenceProfile

    public var bedrockModelId: String
    /// Copy from the system-defined cross-Region profile (default) or the model in the Region.
    public var deployCrossRegionProfile: Bool?
    public var inferenceProfileProps: InferenceProfileProps?
    public var lambdaFunctionProps: LambdaFunctionProps?
    public var existingLambdaArn: String?
    public var existingLambdaRoleArn: String?
    public var foundationModelEnvironmentVariableName: String?
    public var inferenceProfileEnvironmentVariableName: String?
    /// Use the application inference profile of this `application-inference-profile` app
    /// (in the same Region) instead of creating one, so several apps share its cost tracking.
    public var inferenceProfileApp: String?
    public var deployVpc: Bool?
    public var vpcProps: VpcProps?
    public var existingVpc: ExistingVpc?

    public init(bedrockModelId: String) {
        self.bedrockModelId = bedrockModelId
    }

    /// The environment variables a created function gets by default.
    public static let defaultModelVariable = "BEDROCK_MODEL"
    public static let defaultProfileVariable = "BEDROCK_PROFILE"

    /// The names of the variables that carry the model id and the profile ARN.
    public var modelVariable: String { foundationModelEnvironmentVariableName ?? Self.defaultModelVariable }
    public var profileVariable: String { inferenceProfileEnvironmentVariableName ?? Self.defaultProfileVariable }

    /// The application inference profile's own settings.
    public struct InferenceProfileProps: Codable, Hashable, Sendable, RefusesKeys {
        public var inferenceProfileName: String?
        public var description: String?
        public var tags: TagMap?

        public init(inferenceProfileName: String? = nil, description: String? = nil, tags: TagMap? = nil) {
            self.inferenceProfileName = inferenceProfileName
            self.description = description
            self.tags = tags
        }

        /// Keys the construct sets itself: naming them is a mistake worth a clear message.
        public static let refusedKeys = Dictionary(uniqueKeysWithValues: ["copyFrom", "modelSource"].map {
            ($0, "is set by deploycat from bedrockModelId and deployCrossRegionProfile; remove it")
        })
    }

    public var modelId: String? { bedrockModelId }

    public var profileTags: (field: String, tags: TagMap)? {
        inferenceProfileProps?.tags.map { ("properties.inferenceProfileProps.tags", $0) }
    }

    public var attachedArns: [(field: String, arn: String?)] {
        [("properties.existingLambdaArn", existingLambdaArn), ("properties.existingLambdaRoleArn", existingLambdaRoleArn)]
    }

    /// Through its own profile, copied from the Region's cross-Region profile (or the model in
    /// the Region), or through the profile of its `inferenceProfileApp`.
    public func resolve(in region: String, resolver: InvocationResolver, apps: [String: AppSpec]) throws -> Resolution? {
        try modelChoice.resolve(in: region, resolver: resolver, apps: apps)
    }

    private var modelChoice: ModelChoice {
        ModelChoice(modelId: bedrockModelId, modelField: "properties.bedrockModelId",
                    crossRegion: deployCrossRegionProfile, inferenceProfileApp: inferenceProfileApp)
    }

    // MARK: - Rules

    public func check(_ check: inout PatternCheck) {
        let at = "properties"
        if modelChoice.check(self, &check), let name = inferenceProfileApp {
            let theirs = "the profile of app \(quoted(name)) is used as it is"
            check.issues.conflict(inferenceProfileProps != nil, "properties.inferenceProfileProps", "does not apply: \(theirs)")
            check.issues.conflict(deployCrossRegionProfile != nil, "properties.deployCrossRegionProfile",
                                  "does not apply: \(theirs), routing as its modelSource says")
        }
        if let props = inferenceProfileProps {
            check.issues.checkProfileName(props.inferenceProfileName, at: "\(at).inferenceProfileProps.inferenceProfileName")
            check.issues.checkProfileDescription(props.description, at: "\(at).inferenceProfileProps.description")
        }
        checkFunction(&check)
        VpcRules.check(deployVpc: deployVpc, vpcProps: vpcProps, existingVpc: existingVpc, &check.issues)
    }

    private func checkFunction(_ check: inout PatternCheck) {
        LambdaFunctionRules.checkChoice(
            props: lambdaFunctionProps, existingArn: existingLambdaArn, existingRoleArn: existingLambdaRoleArn,
            setByDeploycat: variables, createOnly: [
                ("properties.deployVpc", deployVpc == true), ("properties.existingVpc", existingVpc != nil),
                ("properties.foundationModelEnvironmentVariableName", foundationModelEnvironmentVariableName != nil),
                ("properties.inferenceProfileEnvironmentVariableName", inferenceProfileEnvironmentVariableName != nil),
            ], regions: check.regions, &check.issues)
    }

    /// The variables deploycat sets in the function it creates, with the fields that name them.
    private var variables: LambdaFunctionRules.OwnVariables {
        LambdaFunctionRules.OwnVariables(
            names: [("properties.foundationModelEnvironmentVariableName", modelVariable, "the model's variable"),
                    ("properties.inferenceProfileEnvironmentVariableName", profileVariable, "the profile's variable")],
            purpose: "the model or profile")
    }
}
