import CatalogModel
internal import GRDB

struct SystemProfileRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "systemProfile"
    var id: String
    var modelId: String
    var geographyPrefix: String
    var name: String
    var status: ProfileStatus
    var lastSeen: String?
}
