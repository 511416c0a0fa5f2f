/// A cross-Region inference geography: the prefix of its system-defined profiles and the
/// Regions it covers.
public struct Geography: Codable, Hashable, Sendable {
    /// The profile-id prefix, such as `us`, `eu`, `apac`, `us-gov` or `global`.
    public var prefix: String
    public var name: String
    public var partition: String
    public var scope: GeographyScope
    /// Regions from which the geography's profiles may be called.
    public var sourceRegions: [String]
    /// Regions in which the geography's profiles may serve requests (listed scope only).
    public var destinationRegions: [String]

    public init(
        prefix: String, name: String, partition: String, scope: GeographyScope,
        sourceRegions: [String], destinationRegions: [String]
    ) {
        self.prefix = prefix
        self.name = name
        self.partition = partition
        self.scope = scope
        self.sourceRegions = sourceRegions.sorted()
        self.destinationRegions = destinationRegions.sorted()
    }
}
