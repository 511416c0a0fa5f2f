/// The deployment patterns deploycat synthesizes.
public enum PatternKind: String, Codable, Hashable, Sendable, CaseIterable, NamedValue {
    /// A Lambda function calling Bedrock through its own application inference profile.
    case lambdaBedrockInferenceProfile = "lambda-bedrock-inference-profile"
    /// A standalone application inference profile for cost tracking, with usage grants.
    case applicationInferenceProfile = "application-inference-profile"
    /// A Bedrock prompt whose variant calls a catalog model, routed as the catalog says.
    case bedrockPrompt = "bedrock-prompt"
    /// A Bedrock agent whose foundation model is a catalog model, routed as the catalog says.
    case bedrockAgent = "bedrock-agent"
    /// A Lambda function calling a SageMaker real-time endpoint, made from a container or existing.
    case lambdaSagemakerEndpoint = "lambda-sagemaker-endpoint"
    /// A Step Functions workflow running Bedrock batch inference jobs over manifests in S3.
    case bedrockBatchStepfn = "bedrock-batch-stepfn"
}
