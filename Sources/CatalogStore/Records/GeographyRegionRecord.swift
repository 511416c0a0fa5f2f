internal import GRDB

/// A Region's role in a geography: `source` or `destination`.
struct GeographyRegionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "geographyRegion"
    var geographyPrefix: String
    var role: String
    var regionCode: String

    static let sourceRole = "source"
    static let destinationRole = "destination"
    enum Columns { static let geographyPrefix = Column(CodingKeys.geographyPrefix) }
}
