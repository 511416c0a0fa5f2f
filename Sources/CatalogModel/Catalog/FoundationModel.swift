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
    /// Whether the model takes batch inference jobs; `nil` where no source states it.
    public var batch: Bool?

    public init(
        id: String, provider: String, name: String? = nil,
        inputModalities: [String] = [], outputModalities: [String] = [], inferenceTypes: [String] = [],
        lifecycle: ModelLifecycle? = nil, legacyDate: String? = nil, endOfLifeDate: String? = nil,
        regions: [String] = [], price: ModelPrice? = nil, batch: Bool? = nil
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
        self.batch = batch
    }

    /// Whether the model can be invoked directly by its id, without an inference profile.
    public var isOnDemand: Bool { inferenceTypes.contains("ON_DEMAND") }

    /// Regions where the model can be invoked by its id in that Region alone.
    public var onDemandRegions: [String] { isOnDemand ? regions : [] }

    /// What a batch inference job costs: the listed batch price where a source states one, else
    /// half the on-demand price for a model known to take batch jobs; `nil` when the model does
    /// not take them, or nothing says whether it does or what it costs.
    public var batchPrice: BatchPrice? {
        guard batch != false, let price else { return nil }
        if price.hasBatchPrice {
            return BatchPrice(inputPer1k: price.batchInputPer1k.map(ModelPrice.decimal),
                              outputPer1k: price.batchOutputPer1k.map(ModelPrice.decimal), basis: .listed)
        }
        guard batch == true, price.inputPer1k != nil || price.outputPer1k != nil else { return nil }
        return BatchPrice(inputPer1k: price.inputPer1k.map { ModelPrice.decimal($0) * BatchPrice.discount },
                          outputPer1k: price.outputPer1k.map { ModelPrice.decimal($0) * BatchPrice.discount },
                          basis: .onDemandDiscount)
    }
}
