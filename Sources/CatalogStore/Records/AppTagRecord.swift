internal import GRDB

/// One tag an app's resources carry: its spec's tags and deploycat's own (`AppSpec.resourceTags()`).
struct AppTagRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "appTag"
    var appName: String
    var key: String
    var value: String
    enum Columns { static let appName = Column(CodingKeys.appName) }
}
