/// How a geography's destination Regions are known.
public enum GeographyScope: String, Codable, Hashable, Sendable, CaseIterable {
    /// Requests are served only in the Regions the catalog lists.
    case listedRegions
    /// Requests may be served in every commercial Region with Bedrock (the `global` geography),
    /// so the destination set grows with the Region list rather than being listed.
    case allCommercialRegions
}
