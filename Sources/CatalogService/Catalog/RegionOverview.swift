import CatalogModel

/// A Region with what Bedrock offers there: the geographies whose profiles may be called from it
/// and how many models it lists.
public struct RegionOverview: Encodable, Hashable, Sendable {
    public var code: String
    public var name: String
    public var partition: String
    public var bedrock: Bool
    /// Prefixes of the geographies the Region is a source Region of, sorted.
    public var sourceOf: [String]
    /// Models the Region's ListFoundationModels lists.
    public var models: Int
    /// Of those, models that can be invoked on demand by their id in the Region alone.
    public var onDemandModels: Int
}
