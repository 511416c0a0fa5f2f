import CatalogModel
internal import GRDB

struct TemplateDependencyRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "templateDependency"
    var templateVersionId: Int64
    var kind: EntityKind
    var ref: String
    enum Columns { static let templateVersionId = Column(CodingKeys.templateVersionId) }
}
