/// A system-defined (cross-Region) inference profile, such as
/// `us.anthropic.claude-3-5-sonnet-20241022-v2:0`.
public struct SystemProfile: Codable, Hashable, Sendable {
    public var id: String
    /// The foundation model the profile routes to.
    public var modelId: String
    /// The geography prefix, which is also the profile id's prefix.
    public var geography: String
    public var name: String
    public var status: ProfileStatus
    /// The last day a listing showed the profile (`YYYY-MM-DD`), for unlisted profiles.
    public var lastSeen: String?
    /// Source Region -> Regions that may serve a request made there. Destinations vary by
    /// source Region, so they are kept per source. Empty when no listing has shown the profile.
    public var routes: [String: [String]]

    public init(
        id: String, modelId: String, geography: String, name: String,
        status: ProfileStatus = .listed, lastSeen: String? = nil, routes: [String: [String]] = [:]
    ) {
        self.id = id
        self.modelId = modelId
        self.geography = geography
        self.name = name
        self.status = status
        self.lastSeen = lastSeen
        self.routes = routes.mapValues { $0.sorted() }
    }

    /// Source Regions, sorted.
    public var sourceRegions: [String] { routes.keys.sorted() }

    /// Every Region any route of the profile names as a destination, sorted.
    public var destinationRegions: [String] { Set(routes.values.joined()).sorted() }
}
