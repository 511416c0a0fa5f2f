/// Resource types as tag policies name them in `enforced_for` (`service:resource-type`, or
/// `service:ALL_SUPPORTED`), and those deploycat's templates create.
public struct TagPolicyResourceTypes: Sendable {
    /// CloudFormation type -> tag-policy type, for every taggable resource a pattern creates.
    public static let byCloudFormationType: [String: String] = [
        "AWS::Bedrock::ApplicationInferenceProfile": "bedrock:application-inference-profile",
        "AWS::Bedrock::Agent": "bedrock:agent",
        "AWS::Bedrock::Prompt": "bedrock:prompt",
        "AWS::EC2::RouteTable": "ec2:route-table",
        "AWS::EC2::SecurityGroup": "ec2:security-group",
        "AWS::EC2::Subnet": "ec2:subnet",
        "AWS::EC2::VPC": "ec2:vpc",
        "AWS::EC2::VPCEndpoint": "ec2:vpc-endpoint",
        "AWS::Events::Rule": "events:rule",
        "AWS::IAM::Role": "iam:role",
        "AWS::KMS::Key": "kms:key",
        "AWS::Lambda::Function": "lambda:function",
        "AWS::Logs::LogGroup": "logs:log-group",
        "AWS::S3::Bucket": "s3:bucket",
        "AWS::SageMaker::Endpoint": "sagemaker:endpoint",
        "AWS::SageMaker::EndpointConfig": "sagemaker:endpoint-config",
        "AWS::SageMaker::Model": "sagemaker:model",
        "AWS::SQS::Queue": "sqs:queue",
        "AWS::StepFunctions::StateMachine": "states:stateMachine",
    ]

    /// The types deploycat's templates create.
    public static let created = TagPolicyResourceTypes(types: Set(byCloudFormationType.values))

    public var types: Set<String>

    public init(types: Set<String>) {
        self.types = types
    }

    /// The tag-policy types of CloudFormation resource types (those with none left out).
    public init(cloudFormationTypes: some Sequence<String>) {
        types = Set(cloudFormationTypes.compactMap { Self.byCloudFormationType[$0] })
    }

    /// Whether `enforced` (an `enforced_for` entry) covers one of these types.
    public func contains(type enforced: String) -> Bool {
        for every in Self.everyType where enforced.hasSuffix(":" + every) {
            let service = enforced.dropLast(every.count)
            return types.contains { $0.hasPrefix(service) }
        }
        return types.contains(enforced)
    }

    static let allSupported = "ALL_SUPPORTED"
    /// How an entry names every type of a service: `ALL_SUPPORTED`, or `*` as AWS's examples also write it.
    static let everyType = [allSupported, "*"]

    /// Problems with an `enforced_for` entry at `field`.
    static func issues(_ type: String, at field: String) -> [InputIssue] {
        let parts = type.split(separator: ":", omittingEmptySubsequences: false)
        let word = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") } }
        guard parts.count == 2, word(parts[0]), word(parts[1]) || parts[1] == "*" else {
            return [InputIssue(field: field, problem: "\"\(type)\" is not a resource type; write service:resource-type "
                + "(bedrock:application-inference-profile) or service:\(allSupported) (bedrock:\(allSupported))")]
        }
        return []
    }
}
