import CatalogModel

/// One model with the system-defined profiles that route to it.
public struct ModelDetail: Encodable, Hashable, Sendable {
    public var model: FoundationModel
    public var profiles: [SystemProfile]
}
