internal import GRDB

struct AppTagRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "appTag"
    var appName: String
    var key: String
    var value: String
    enum Columns { static let appName = Column(CodingKeys.appName) }
}
