internal import GRDB

struct CatalogRevisionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "catalogRevision"
    var revision: Int
    var appliedAt: String
    var origin: String
    enum Columns { static let revision = Column(CodingKeys.revision) }
}
