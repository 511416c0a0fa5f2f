/// An AWS Region as the catalog knows it.
public struct Region: Codable, Hashable, Sendable {
    /// The Region code, such as `us-east-1`.
    public var code: String
    /// The Region's display name, such as `US East (N. Virginia)`.
    public var name: String
    /// The ARN partition, such as `aws` or `aws-us-gov`.
    public var partition: String
    /// Whether Amazon Bedrock is offered in the Region.
    public var bedrock: Bool

    public init(code: String, name: String, partition: String, bedrock: Bool) {
        self.code = code
        self.name = name
        self.partition = partition
        self.bedrock = bedrock
    }
}
