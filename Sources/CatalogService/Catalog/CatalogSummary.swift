/// How much the catalog holds, for the quickstart and status lines.
public struct CatalogSummary: Encodable, Hashable, Sendable {
    public var revision: Int
    public var regions: Int
    public var geographies: Int
    public var models: Int
    public var profiles: Int
    public var unlistedProfiles: Int
}
