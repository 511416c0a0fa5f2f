/// A SageMaker model kept in the catalog: the container image that serves it and, where it has
/// one, its model artifact, so apps can name it instead of repeating both.
public struct SageMakerModel: Codable, Hashable, Sendable {
    /// The SageMaker model name (`Identifiers.isSageMakerName`): the catalog key.
    public var name: String
    /// The Amazon ECR image URI as written (`ContainerImage.rule`).
    public var image: String
    /// The model artifact as `s3://BUCKET/KEY` (`S3Object.rule`), where the image does not hold it.
    public var modelDataUrl: String?
    /// The instance type endpoints use unless a spec names another, such as `ml.m5.xlarge`.
    public var defaultInstanceType: String?
    public var description: String?

    public init(
        name: String, image: String, modelDataUrl: String? = nil, defaultInstanceType: String? = nil,
        description: String? = nil
    ) {
        self.name = name
        self.image = image
        self.modelDataUrl = modelDataUrl
        self.defaultInstanceType = defaultInstanceType
        self.description = description
    }
}
