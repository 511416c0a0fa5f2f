import CatalogModel
internal import GRDB

/// A foundation model; the string arrays are stored as JSON text.
struct FoundationModelRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "foundationModel"
    var id: String
    var provider: String
    var name: String?
    var inputModalities: [String]
    var outputModalities: [String]
    var inferenceTypes: [String]
    var lifecycle: ModelLifecycle?
    var legacyDate: String?
    var endOfLifeDate: String?
    /// NULL where no source states whether the model takes batch jobs.
    var batch: Bool?
}
