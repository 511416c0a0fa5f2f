internal import GRDB

struct AppRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "app"
    var name: String
    var team: String
    var pattern: String
    /// The spec as canonical JSON.
    var spec: String
    var specRevision: Int
    var source: String
    var updatedAt: String
    var deletedAt: String?
    enum Columns {
        static let name = Column(CodingKeys.name)
        static let deletedAt = Column(CodingKeys.deletedAt)
    }
}
