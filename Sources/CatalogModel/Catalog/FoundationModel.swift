/// A Bedrock foundation model and where it is offered.
public struct FoundationModel: Codable, Hashable, Sendable {
    /// The model id, such as `anthropic.claude-3-5-sonnet-20241022-v2:0`.
    public var id: String
    public var provider: String
    public var name: String?
    public var inputModalities: [String]
    public var outputModalities: [String]
    /// `ON_DEMAND`, `INFERENCE_PROFILE`, `PROVISIONED`: how the model may be invoked.
    public var inferenceTypes: [String]
    /// `nil` where no source states the lifecycle.
    public var lifecycle: ModelLifecycle?
    /// The day the model became LEGACY (`YYYY-MM-DD`), where known.
    public var legacyDate: String?
    /// The day the model stops working (`YYYY-MM-DD`), where known.
    public var endOfLifeDate: String?
    /// Regions where ListFoundationModels lists the model.
    public var regions: [String]
    public var price: ModelPrice?

    public init(
        id: String, provider: String, name: String? = nil,
        inputModalities: [String] = [], outputModalities: [String] = [], inferenceTypes: [String] = [],
        lifecycle: ModelLifecycle? = nil, legacyDate: String? = nil, endOfLifeDate: String? = nil,
        regions: [String] = [], price: ModelPrice? = nil
    ) {
        self.id = id
        self.provider = provider
        self.name = name
        self.inputModalities = inputModalities.sorted()
        self.outputModalities = outputModalities.sorted()
        self.inferenceTypes = inferenceTypes.sorted()
        self.lifecycle = lifecycle
        self.legacyDate = legacyDate
        self.endOfLifeDate = endOfLifeDate
        self.regions = regions.sorted()
        self.price = price
    }

    /// Whether the model can be invoked directly by its id, without an inference profile.
    public var isOnDemand: Bool { inferenceTypes.contains("ON_DEMAND") }

    /// Regions where the model can be invoked by its id in that Region alone.
    public var onDemandRegions: [String] { isOnDemand ? regions : [] }
}
