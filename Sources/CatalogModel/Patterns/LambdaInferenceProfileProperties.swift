/// Properties of `lambda-bedrock-inference-profile`, named as in the LambdaToBedrockInferenceProfile
/// construct.
public struct LambdaInferenceProfileProperties: Codable, Hashable, Sendable {
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case bedrockModelId, deployCrossRegionProfile, inferenceProfileProps, lambdaFunctionProps, existingLambdaArn,
             existingLambdaRoleArn, foundationModelEnvironmentVariableName, inferenceProfileEnvironmentVariableName,
             inferenceProfileApp, deployVpc, vpcProps, existingVpc
    }

    public init(from decoder: any Decoder) throws {
        let c = try StrictKeys.container(decoder, keyedBy: CodingKeys.self)
        let bedrockModelId = try c.required(String.self, forKey: .bedrockModelId, in: decoder)
        deployCrossRegionProfile = try c.optional(Bool.self, forKey: .deployCrossRegionProfile, in: decoder)
        inferenceProfileProps = try c.optional(InferenceProfileProps.self, forKey: .inferenceProfileProps, in: decoder)
        lambdaFunctionProps = try c.optional(LambdaFunctionProps.self, forKey: .lambdaFunctionProps, in: decoder)
        existingLambdaArn = try c.optional(String.self, forKey: .existingLambdaArn, in: decoder)
        existingLambdaRoleArn = try c.optional(String.self, forKey: .existingLambdaRoleArn, in: decoder)
        foundationModelEnvironmentVariableName = try c.optional(
            String.self, forKey: .foundationModelEnvironmentVariableName, in: decoder)
        inferenceProfileEnvironmentVariableName = try c.optional(
            String.self, forKey: .inferenceProfileEnvironmentVariableName, in: decoder)
        inferenceProfileApp = try c.optional(String.self, forKey: .inferenceProfileApp, in: decoder)
        deployVpc = try c.optional(Bool.self, forKey: .deployVpc, in: decoder)
        vpcProps = try c.optional(VpcProps.self, forKey: .vpcProps, in: decoder)
        existingVpc = try c.optional(ExistingVpc.self, forKey: .existingVpc, in: decoder)
        // Thrown after the other fields are read, so their problems are recorded too.
        guard let bedrockModelId else { throw DecodingProblems.Recorded() }
        self.bedrockModelId = bedrockModelId
    }

    /// The application inference profile's own settings.
    public struct InferenceProfileProps: Codable, Hashable, Sendable {
        public var inferenceProfileName: String?
        public var description: String?
        public var tags: TagMap?

        public init(inferenceProfileName: String? = nil, description: String? = nil, tags: TagMap? = nil) {
            self.inferenceProfileName = inferenceProfileName
            self.description = description
            self.tags = tags
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case inferenceProfileName, description, tags }
        /// Keys the construct sets itself: naming them is a mistake worth a clear message.
        static let derivedKeys = ["copyFrom", "modelSource"]

        public init(from decoder: any Decoder) throws {
            let raw = try decoder.container(keyedBy: AnyKey.self)
            for key in raw.allKeys where Self.derivedKeys.contains(key.stringValue) {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: decoder.codingPath + [key],
                    debugDescription: "is set by deploycat from bedrockModelId and deployCrossRegionProfile; remove it"))
            }
            let c = try StrictKeys.container(decoder, keyedBy: CodingKeys.self)
            inferenceProfileName = try c.optional(String.self, forKey: .inferenceProfileName, in: decoder)
            description = try c.optional(String.self, forKey: .description, in: decoder)
            tags = try c.optional(TagMap.self, forKey: .tags, in: decoder)
        }
    }

    /// The function deploycat creates.
    public struct LambdaFunctionProps: Codable, Hashable, Sendable {
        public var runtime: String?
        public var handler: String?
        public var code: FunctionCode?
        public var memorySize: Int?
        public var timeout: Int?
        public var architecture: String?
        public var environment: [String: String]?
        public var reservedConcurrentExecutions: Int?

        public init(runtime: String? = nil, handler: String? = nil, code: FunctionCode? = nil) {
            self.runtime = runtime
            self.handler = handler
            self.code = code
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case runtime, handler, code, memorySize, timeout, architecture, environment, reservedConcurrentExecutions
        }

        public init(from decoder: any Decoder) throws {
            let c = try StrictKeys.container(decoder, keyedBy: CodingKeys.self)
            runtime = try c.optional(String.self, forKey: .runtime, in: decoder)
            handler = try c.optional(String.self, forKey: .handler, in: decoder)
            code = try c.optional(FunctionCode.self, forKey: .code, in: decoder)
            memorySize = try c.optional(Int.self, forKey: .memorySize, in: decoder)
            timeout = try c.optional(Int.self, forKey: .timeout, in: decoder)
            architecture = try c.optional(String.self, forKey: .architecture, in: decoder)
            environment = try c.optional([String: String].self, forKey: .environment, in: decoder)
            reservedConcurrentExecutions = try c.optional(Int.self, forKey: .reservedConcurrentExecutions, in: decoder)
        }
    }

    /// `{ inline: SOURCE }` or `{ s3Bucket: B, s3Key: K }`.
    public struct FunctionCode: Codable, Hashable, Sendable {
        public var inline: String?
        public var s3Bucket: String?
        public var s3Key: String?

        public init(inline: String? = nil, s3Bucket: String? = nil, s3Key: String? = nil) {
            self.inline = inline
            self.s3Bucket = s3Bucket
            self.s3Key = s3Key
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case inline, s3Bucket, s3Key }

        public init(from decoder: any Decoder) throws {
            let c = try StrictKeys.container(decoder, keyedBy: CodingKeys.self)
            inline = try c.optional(String.self, forKey: .inline, in: decoder)
            s3Bucket = try c.optional(String.self, forKey: .s3Bucket, in: decoder)
            s3Key = try c.optional(String.self, forKey: .s3Key, in: decoder)
        }
    }

    /// The VPC deploycat creates with `deployVpc`.
    public struct VpcProps: Codable, Hashable, Sendable {
        public var cidr: String?
        public var maxAzs: Int?

        public init(cidr: String? = nil, maxAzs: Int? = nil) {
            self.cidr = cidr
            self.maxAzs = maxAzs
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case cidr, maxAzs }

        public init(from decoder: any Decoder) throws {
            let c = try StrictKeys.container(decoder, keyedBy: CodingKeys.self)
            cidr = try c.optional(String.self, forKey: .cidr, in: decoder)
            maxAzs = try c.optional(Int.self, forKey: .maxAzs, in: decoder)
        }
    }

    /// A VPC made elsewhere, for the function and the Bedrock endpoints.
    public struct ExistingVpc: Codable, Hashable, Sendable {
        public var vpcId: String
        public var subnetIds: [String]
        public var securityGroupIds: [String]?

        public init(vpcId: String, subnetIds: [String], securityGroupIds: [String]? = nil) {
            self.vpcId = vpcId
            self.subnetIds = subnetIds
            self.securityGroupIds = securityGroupIds
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case vpcId, subnetIds, securityGroupIds }

        public init(from decoder: any Decoder) throws {
            let c = try StrictKeys.container(decoder, keyedBy: CodingKeys.self)
            let vpcId = try c.required(String.self, forKey: .vpcId, in: decoder)
            let subnetIds = try c.required([String].self, forKey: .subnetIds, in: decoder)
            securityGroupIds = try c.optional([String].self, forKey: .securityGroupIds, in: decoder)
            guard let vpcId, let subnetIds else { throw DecodingProblems.Recorded() }
            self.vpcId = vpcId
            self.subnetIds = subnetIds
        }
    }
}
