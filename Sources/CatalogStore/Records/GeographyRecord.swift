import CatalogModel
internal import GRDB

struct GeographyRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "geography"
    var prefix: String
    var name: String
    var partition: String
    var scope: GeographyScope
}
