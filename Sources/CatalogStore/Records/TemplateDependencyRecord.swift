internal import GRDB

struct TemplateDependencyRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "templateDependency"
    var templateVersionId: Int64
    /// `model`, `profile`, `geography`, `region` or `app`.
    var kind: String
    var ref: String
    enum Columns { static let templateVersionId = Column(CodingKeys.templateVersionId) }
}
