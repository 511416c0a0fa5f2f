internal import GRDB

struct ModelPriceRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "modelPrice"
    var modelId: String
    var inputPer1k: Double?
    var outputPer1k: Double?
    var batchInputPer1k: Double?
    var batchOutputPer1k: Double?
    enum Columns { static let modelId = Column(CodingKeys.modelId) }
}
