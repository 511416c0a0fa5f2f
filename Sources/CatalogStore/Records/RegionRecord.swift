internal import GRDB

struct RegionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "region"
    var code: String
    var name: String
    var partition: String
    var bedrock: Bool
}
