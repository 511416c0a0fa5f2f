internal import GRDB

struct AppSpecRevisionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "appSpecRevision"
    var appName: String
    var specRevision: Int
    /// The spec as canonical JSON.
    var spec: String
    var source: String
    var appliedAt: String
    enum Columns {
        static let appName = Column(CodingKeys.appName)
        static let specRevision = Column(CodingKeys.specRevision)
    }
}
