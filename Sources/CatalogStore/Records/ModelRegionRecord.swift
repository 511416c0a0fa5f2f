internal import GRDB

struct ModelRegionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "modelRegion"
    var modelId: String
    var regionCode: String
    enum Columns { static let modelId = Column(CodingKeys.modelId) }
}
