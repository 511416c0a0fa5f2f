/// A hand-written catalog document (`deploycat catalog apply -f`), and the format of the
/// embedded default catalog: entries to add or update. An entry names its key and only the
/// fields it changes; a new entry must give the fields the catalog needs.
public struct CatalogDocument: StrictDecodable, Sendable {
    public var regions: [RegionEntry]
    public var geographies: [GeographyEntry]
    public var models: [ModelEntry]
    public var prices: [PriceEntry]
    public var profiles: [ProfileEntry]
    public var sagemakerModels: [SageMakerModelEntry]

    enum CodingKeys: String, CodingKey {
        case regions, geographies, models, prices, profiles, sagemakerModels
    }

    /// Every list may be left out.
    public init(from decoder: any Decoder) throws {
        if let value = try Self.strictly(decoder) {
            self = value
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        regions = try container.decodeIfPresent([RegionEntry].self, forKey: .regions) ?? []
        geographies = try container.decodeIfPresent([GeographyEntry].self, forKey: .geographies) ?? []
        models = try container.decodeIfPresent([ModelEntry].self, forKey: .models) ?? []
        prices = try container.decodeIfPresent([PriceEntry].self, forKey: .prices) ?? []
        profiles = try container.decodeIfPresent([ProfileEntry].self, forKey: .profiles) ?? []
        sagemakerModels = try container.decodeIfPresent([SageMakerModelEntry].self, forKey: .sagemakerModels) ?? []
    }

    /// Whether the document names no entry at all.
    public var isEmpty: Bool {
        regions.isEmpty && geographies.isEmpty && models.isEmpty && prices.isEmpty && profiles.isEmpty
            && sagemakerModels.isEmpty
    }

    public struct RegionEntry: Decodable, Sendable {
        public var code: String
        public var name: String?
        public var partition: String?
        public var bedrock: Bool?
    }

    public struct GeographyEntry: Decodable, Sendable {
        public var prefix: String
        public var name: String?
        public var partition: String?
        public var scope: GeographyScope?
        public var sourceRegions: [String]?
        public var destinationRegions: [String]?
    }

    public struct ModelEntry: Decodable, Sendable {
        public var id: String
        public var provider: String?
        public var name: String?
        public var inputModalities: [String]?
        public var outputModalities: [String]?
        public var inferenceTypes: [String]?
        public var lifecycle: ModelLifecycle?
        public var legacyDate: String?
        public var endOfLifeDate: String?
        public var regions: [String]?
        /// Whether the model takes batch inference jobs.
        public var batch: Bool?
    }

    /// A model's whole price: it replaces the prices the catalog had for the model.
    public struct PriceEntry: Decodable, Sendable {
        public var modelId: String
        public var inputPer1k: Double?
        public var outputPer1k: Double?
        public var batchInputPer1k: Double?
        public var batchOutputPer1k: Double?
    }

    public struct ProfileEntry: Decodable, Sendable {
        public var id: String
        public var model: String?
        public var geography: String?
        public var name: String?
        public var status: ProfileStatus?
        public var lastSeen: String?
        /// Source Region -> destination Regions; replaces the routes of the Regions it names.
        public var routes: [String: [String]]?
    }

    public struct SageMakerModelEntry: Decodable, Sendable {
        public var name: String
        public var image: String?
        public var modelDataUrl: String?
        public var defaultInstanceType: String?
        public var description: String?
    }
}
