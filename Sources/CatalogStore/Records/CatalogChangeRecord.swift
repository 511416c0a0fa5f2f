internal import GRDB

struct CatalogChangeRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "catalogChange"
    var id: Int64?
    var revision: Int
    var subject: String
    var summary: String
    enum Columns { static let id = Column(CodingKeys.id) }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
