/// A SageMaker model the catalog offers to `lambda-sagemaker-endpoint` apps: a container image
/// in ECR and its artifact in S3, deployed by default on one instance type.
public struct SageMakerModel: Codable, Hashable, Sendable {
    public var name: String
    public var image: String
    public var modelDataUrl: String?
    public var defaultInstanceType: String?
    public var description: String?

    public init(name: String, image: String, modelDataUrl: String? = nil, defaultInstanceType: String? = nil,
                description: String? = nil) {
        self.name = name
        self.image = image
        self.modelDataUrl = modelDataUrl
        self.defaultInstanceType = defaultInstanceType
        self.description = description
    }
}
