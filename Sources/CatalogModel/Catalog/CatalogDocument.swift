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
        regions = try container.optional([RegionEntry].self, forKey: .regions, in: decoder) ?? []
        geographies = try container.optional([GeographyEntry].self, forKey: .geographies, in: decoder) ?? []
        models = try container.optional([ModelEntry].self, forKey: .models, in: decoder) ?? []
        prices = try container.optional([PriceEntry].self, forKey: .prices, in: decoder) ?? []
        profiles = try container.optional([ProfileEntry].self, forKey: .profiles, in: decoder) ?? []
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
            code = try c.value(String.self, forKey: .code)
            name = try c.optional(String.self, forKey: .name, in: decoder)
            partition = try c.optional(String.self, forKey: .partition, in: decoder)
            bedrock = try c.optional(Bool.self, forKey: .bedrock, in: decoder)
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
            prefix = try c.value(String.self, forKey: .prefix)
            name = try c.optional(String.self, forKey: .name, in: decoder)
            partition = try c.optional(String.self, forKey: .partition, in: decoder)
            scope = try c.optional(GeographyScope.self, forKey: .scope, in: decoder)
            sourceRegions = try c.optional([String].self, forKey: .sourceRegions, in: decoder)
            destinationRegions = try c.optional([String].self, forKey: .destinationRegions, in: decoder)
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
            id = try c.value(String.self, forKey: .id)
            provider = try c.optional(String.self, forKey: .provider, in: decoder)
            name = try c.optional(String.self, forKey: .name, in: decoder)
            inputModalities = try c.optional([String].self, forKey: .inputModalities, in: decoder)
            outputModalities = try c.optional([String].self, forKey: .outputModalities, in: decoder)
            inferenceTypes = try c.optional([String].self, forKey: .inferenceTypes, in: decoder)
            lifecycle = try c.optional(ModelLifecycle.self, forKey: .lifecycle, in: decoder)
            legacyDate = try c.optional(String.self, forKey: .legacyDate, in: decoder)
            endOfLifeDate = try c.optional(String.self, forKey: .endOfLifeDate, in: decoder)
            regions = try c.optional([String].self, forKey: .regions, in: decoder)
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
            modelId = try c.value(String.self, forKey: .modelId)
            inputPer1k = try c.optional(Double.self, forKey: .inputPer1k, in: decoder)
            outputPer1k = try c.optional(Double.self, forKey: .outputPer1k, in: decoder)
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
            id = try c.value(String.self, forKey: .id)
            model = try c.optional(String.self, forKey: .model, in: decoder)
            geography = try c.optional(String.self, forKey: .geography, in: decoder)
            name = try c.optional(String.self, forKey: .name, in: decoder)
            status = try c.optional(ProfileStatus.self, forKey: .status, in: decoder)
            lastSeen = try c.optional(String.self, forKey: .lastSeen, in: decoder)
            routes = try c.optional([String: [String]].self, forKey: .routes, in: decoder)
        }
    }
}
