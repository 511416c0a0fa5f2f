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
        bedrockModelId = try c.decode(String.self, forKey: .bedrockModelId)
        deployCrossRegionProfile = try c.decodeIfPresent(Bool.self, forKey: .deployCrossRegionProfile)
        inferenceProfileProps = try c.decodeIfPresent(InferenceProfileProps.self, forKey: .inferenceProfileProps)
        lambdaFunctionProps = try c.decodeIfPresent(LambdaFunctionProps.self, forKey: .lambdaFunctionProps)
        existingLambdaArn = try c.decodeIfPresent(String.self, forKey: .existingLambdaArn)
        existingLambdaRoleArn = try c.decodeIfPresent(String.self, forKey: .existingLambdaRoleArn)
        foundationModelEnvironmentVariableName = try c.decodeIfPresent(
            String.self, forKey: .foundationModelEnvironmentVariableName)
        inferenceProfileEnvironmentVariableName = try c.decodeIfPresent(
            String.self, forKey: .inferenceProfileEnvironmentVariableName)
        inferenceProfileApp = try c.decodeIfPresent(String.self, forKey: .inferenceProfileApp)
        deployVpc = try c.decodeIfPresent(Bool.self, forKey: .deployVpc)
        vpcProps = try c.decodeIfPresent(VpcProps.self, forKey: .vpcProps)
        existingVpc = try c.decodeIfPresent(ExistingVpc.self, forKey: .existingVpc)
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
            inferenceProfileName = try c.decodeIfPresent(String.self, forKey: .inferenceProfileName)
            description = try c.decodeIfPresent(String.self, forKey: .description)
            tags = try c.decodeIfPresent(TagMap.self, forKey: .tags)
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
            runtime = try c.decodeIfPresent(String.self, forKey: .runtime)
            handler = try c.decodeIfPresent(String.self, forKey: .handler)
            code = try c.decodeIfPresent(FunctionCode.self, forKey: .code)
            memorySize = try c.decodeIfPresent(Int.self, forKey: .memorySize)
            timeout = try c.decodeIfPresent(Int.self, forKey: .timeout)
            architecture = try c.decodeIfPresent(String.self, forKey: .architecture)
            environment = try c.decodeIfPresent([String: String].self, forKey: .environment)
            reservedConcurrentExecutions = try c.decodeIfPresent(Int.self, forKey: .reservedConcurrentExecutions)
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
            inline = try c.decodeIfPresent(String.self, forKey: .inline)
            s3Bucket = try c.decodeIfPresent(String.self, forKey: .s3Bucket)
            s3Key = try c.decodeIfPresent(String.self, forKey: .s3Key)
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
            cidr = try c.decodeIfPresent(String.self, forKey: .cidr)
            maxAzs = try c.decodeIfPresent(Int.self, forKey: .maxAzs)
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
            vpcId = try c.decode(String.self, forKey: .vpcId)
            subnetIds = try c.decode([String].self, forKey: .subnetIds)
            securityGroupIds = try c.decodeIfPresent([String].self, forKey: .securityGroupIds)
        }
    }
}
