internal import GRDB

struct TemplateVersionRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "templateVersion"
    var id: Int64?
    var appName: String
    var region: String
    var version: Int
    var sha256: String
    var body: String
    var catalogRevision: Int
    var specRevision: Int
    var createdAt: String
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let appName = Column(CodingKeys.appName)
        static let region = Column(CodingKeys.region)
        static let version = Column(CodingKeys.version)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
