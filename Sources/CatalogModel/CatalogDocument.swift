/// A hand-written catalog document (`deploycat catalog apply -f`), and the format of the
/// embedded default catalog: entries to add or update. An entry names its key and only the
/// fields it changes; a new entry must give the fields the catalog needs.
public struct CatalogDocument: Decodable, Sendable {
    public var regions: [RegionEntry]
    public var geographies: [GeographyEntry]
    public var models: [ModelEntry]
    public var prices: [PriceEntry]
    public var profiles: [ProfileEntry]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case regions, geographies, models, prices, profiles
    }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        regions = try container.decodeIfPresent([RegionEntry].self, forKey: .regions) ?? []
        geographies = try container.decodeIfPresent([GeographyEntry].self, forKey: .geographies) ?? []
        models = try container.decodeIfPresent([ModelEntry].self, forKey: .models) ?? []
        prices = try container.decodeIfPresent([PriceEntry].self, forKey: .prices) ?? []
        profiles = try container.decodeIfPresent([ProfileEntry].self, forKey: .profiles) ?? []
    }

    /// Whether the document names no entry at all.
    public var isEmpty: Bool {
        regions.isEmpty && geographies.isEmpty && models.isEmpty && prices.isEmpty && profiles.isEmpty
    }

    public struct RegionEntry: Decodable, Sendable {
        public var code: String
        public var name: String?
        public var partition: String?
        public var bedrock: Bool?
        enum CodingKeys: String, CodingKey, CaseIterable { case code, name, partition, bedrock }
        public init(from decoder: any Decoder) throws {
            try StrictKeys.check(decoder, allowed: CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            code = try c.decode(String.self, forKey: .code)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            partition = try c.decodeIfPresent(String.self, forKey: .partition)
            bedrock = try c.decodeIfPresent(Bool.self, forKey: .bedrock)
        }
    }

    public struct GeographyEntry: Decodable, Sendable {
        public var prefix: String
        public var name: String?
        public var partition: String?
        public var scope: GeographyScope?
        public var sourceRegions: [String]?
        public var destinationRegions: [String]?
        enum CodingKeys: String, CodingKey, CaseIterable {
            case prefix, name, partition, scope, sourceRegions, destinationRegions
        }
        public init(from decoder: any Decoder) throws {
            try StrictKeys.check(decoder, allowed: CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            prefix = try c.decode(String.self, forKey: .prefix)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            partition = try c.decodeIfPresent(String.self, forKey: .partition)
            scope = try c.decodeIfPresent(GeographyScope.self, forKey: .scope)
            sourceRegions = try c.decodeIfPresent([String].self, forKey: .sourceRegions)
            destinationRegions = try c.decodeIfPresent([String].self, forKey: .destinationRegions)
        }
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
        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, provider, name, inputModalities, outputModalities, inferenceTypes, lifecycle, legacyDate,
                 endOfLifeDate, regions
        }
        public init(from decoder: any Decoder) throws {
            try StrictKeys.check(decoder, allowed: CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            provider = try c.decodeIfPresent(String.self, forKey: .provider)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            inputModalities = try c.decodeIfPresent([String].self, forKey: .inputModalities)
            outputModalities = try c.decodeIfPresent([String].self, forKey: .outputModalities)
            inferenceTypes = try c.decodeIfPresent([String].self, forKey: .inferenceTypes)
            lifecycle = try c.decodeIfPresent(ModelLifecycle.self, forKey: .lifecycle)
            legacyDate = try c.decodeIfPresent(String.self, forKey: .legacyDate)
            endOfLifeDate = try c.decodeIfPresent(String.self, forKey: .endOfLifeDate)
            regions = try c.decodeIfPresent([String].self, forKey: .regions)
        }
    }

    public struct PriceEntry: Decodable, Sendable {
        public var modelId: String
        public var inputPer1k: Double?
        public var outputPer1k: Double?
        enum CodingKeys: String, CodingKey, CaseIterable { case modelId, inputPer1k, outputPer1k }
        public init(from decoder: any Decoder) throws {
            try StrictKeys.check(decoder, allowed: CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            modelId = try c.decode(String.self, forKey: .modelId)
            inputPer1k = try c.decodeIfPresent(Double.self, forKey: .inputPer1k)
            outputPer1k = try c.decodeIfPresent(Double.self, forKey: .outputPer1k)
        }
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
        enum CodingKeys: String, CodingKey, CaseIterable { case id, model, geography, name, status, lastSeen, routes }
        public init(from decoder: any Decoder) throws {
            try StrictKeys.check(decoder, allowed: CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            model = try c.decodeIfPresent(String.self, forKey: .model)
            geography = try c.decodeIfPresent(String.self, forKey: .geography)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            status = try c.decodeIfPresent(ProfileStatus.self, forKey: .status)
            lastSeen = try c.decodeIfPresent(String.self, forKey: .lastSeen)
            routes = try c.decodeIfPresent([String: [String]].self, forKey: .routes)
        }
    }
}
