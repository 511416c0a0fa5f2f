/// Properties of `lambda-sagemaker-endpoint`, named as in the LambdaToSagemakerEndpoint construct:
/// a Lambda function that calls a SageMaker real-time endpoint, which deploycat creates from a
/// container (`modelProps`, or a catalog SageMaker model named by `model`) or which exists already.
public struct LambdaSageMakerEndpointProperties: DeploymentPattern {
    public static let kind = PatternKind.lambdaSagemakerEndpoint
    /// SageMaker runs where Bedrock does not (and the other way round): any catalog Region will do.
    public static let needsBedrock = false

    /// A SageMaker model of the catalog (`deploycat catalog sagemaker-models`), instead of `modelProps.primaryContainer`.
    public var model: String?
    public var modelProps: ModelProps?
    public var existingSagemakerEndpointName: String?
    public var endpointConfigProps: EndpointConfigProps?
    public var endpointProps: EndpointProps?
    public var lambdaFunctionProps: LambdaFunctionProps?
    public var existingLambdaArn: String?
    public var existingLambdaRoleArn: String?
    public var sagemakerEnvironmentVariableName: String?
    public var deployVpc: Bool?
    public var vpcProps: VpcProps?
    public var existingVpc: ExistingVpc?

    public init(modelProps: ModelProps? = nil, lambdaFunctionProps: LambdaFunctionProps? = nil) {
        self.modelProps = modelProps
        self.lambdaFunctionProps = lambdaFunctionProps
    }

    public static let defaultEndpointVariable = "SAGEMAKER_ENDPOINT_NAME"
    public static let defaultInstanceType = "ml.m4.xlarge"
    public static let defaultVariantName = "AllTraffic"

    /// The variable that carries the endpoint's name.
    public var endpointVariable: String { sagemakerEnvironmentVariableName ?? Self.defaultEndpointVariable }

    public struct ModelProps: Codable, Hashable, Sendable {
        public var primaryContainer: Container?
        /// A role made elsewhere for SageMaker to run the model with; deploycat makes none then.
        public var executionRoleArn: String?
        /// `false` lets the container make network calls of its own (such as downloading weights
        /// from a model hub); by default it makes none.
        public var enableNetworkIsolation: Bool?

        public init(primaryContainer: Container? = nil, executionRoleArn: String? = nil, enableNetworkIsolation: Bool? = nil) {
            self.primaryContainer = primaryContainer
            self.executionRoleArn = executionRoleArn
            self.enableNetworkIsolation = enableNetworkIsolation
        }
    }

    /// The model's container: an ECR image, and its artifact in S3 (`.tar.gz`) unless the image carries the model.
    public struct Container: Codable, Hashable, Sendable {
        public var image: String
        public var modelDataUrl: String?
        public var environment: [String: String]?

        public init(image: String, modelDataUrl: String? = nil, environment: [String: String]? = nil) {
            self.image = image
            self.modelDataUrl = modelDataUrl
            self.environment = environment
        }
    }

    public struct EndpointConfigProps: Codable, Hashable, Sendable {
        public var instanceType: String?
        public var initialInstanceCount: Int?
        public var variantName: String?
        /// A key made elsewhere for the endpoint's storage; deploycat makes one (with rotation) otherwise.
        public var kmsKeyArn: String?

        public init(instanceType: String? = nil, initialInstanceCount: Int? = nil, variantName: String? = nil,
                    kmsKeyArn: String? = nil) {
            self.instanceType = instanceType
            self.initialInstanceCount = initialInstanceCount
            self.variantName = variantName
            self.kmsKeyArn = kmsKeyArn
        }
    }

    public struct EndpointProps: Codable, Hashable, Sendable {
        /// Default: the app's name.
        public var endpointName: String?

        public init(endpointName: String? = nil) {
            self.endpointName = endpointName
        }
    }

    /// What runs behind a new endpoint: the spec's container or the catalog model's, with the
    /// instance type the spec or the catalog model names. `nil` with an existing endpoint.
    public struct Deployment: Hashable, Sendable {
        public var container: Container
        public var instanceType: String
        /// The catalog model it comes from, if any.
        public var catalogModel: String?
    }

    /// - Throws: `CatalogError.unknownModel` when `model` names no SageMaker model of the catalog
    ///   (which checking the spec reports first).
    public func deployment(in catalog: CatalogSnapshot) throws -> Deployment? {
        guard existingSagemakerEndpointName == nil else { return nil }
        let configured = endpointConfigProps?.instanceType
        if let name = model {
            guard let entry = catalog.sagemakerModels[name] else {
                throw CatalogError.unknownModel(id: name, suggestions: Suggestions.closest(to: name, in: catalog.sagemakerModels.keys))
            }
            return Deployment(
                container: Container(image: entry.image, modelDataUrl: entry.modelDataUrl),
                instanceType: configured ?? entry.defaultInstanceType ?? Self.defaultInstanceType, catalogModel: name)
        }
        return modelProps?.primaryContainer.map {
            Deployment(container: $0, instanceType: configured ?? Self.defaultInstanceType, catalogModel: nil)
        }
    }

    /// Whether the model's container is cut off from the network: yes unless the spec says otherwise.
    public var networkIsolation: Bool { modelProps?.enableNetworkIsolation ?? true }

    /// The endpoint the function calls.
    public var endpointName: String? { existingSagemakerEndpointName ?? endpointProps?.endpointName }

    /// Calls no Bedrock model.
    public var modelId: String? { nil }
    /// The catalog's SageMaker model, when the spec names one.
    public var modelName: String? { model }

    /// A KMS key may be another account's (its key policy grants the use): it is not attached.
    public var attachedArns: [(field: String, arn: String?)] {
        [("properties.existingLambdaArn", existingLambdaArn), ("properties.existingLambdaRoleArn", existingLambdaRoleArn),
         ("properties.modelProps.executionRoleArn", modelProps?.executionRoleArn)]
    }

    /// Calls no Bedrock model.
    public func resolve(in region: String, resolver: InvocationResolver, apps: [String: AppSpec]) throws -> Resolution? {
        nil
    }
}
