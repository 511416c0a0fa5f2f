internal import GRDB

struct ProfileRouteRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "profileRoute"
    var profileId: String
    var sourceRegion: String
    var destinationRegion: String
    enum Columns { static let profileId = Column(CodingKeys.profileId) }
}
