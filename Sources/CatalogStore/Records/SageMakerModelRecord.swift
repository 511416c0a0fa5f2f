internal import GRDB

struct SageMakerModelRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "sagemakerModel"
    var name: String
    var image: String
    var modelDataUrl: String?
    var defaultInstanceType: String?
    var description: String?
}
