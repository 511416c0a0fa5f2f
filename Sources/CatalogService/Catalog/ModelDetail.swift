import CatalogModel

/// One model with the system-defined profiles that route to it, and what batch jobs on it cost.
public struct ModelDetail: Encodable, Hashable, Sendable {
    public var model: FoundationModel
    public var profiles: [SystemProfile]
    /// `model.batchPrice`: `null` in JSON when the model takes no batch jobs or nothing says.
    @Nullable public var batchPrice: BatchPrice?

    init(model: FoundationModel, profiles: [SystemProfile]) {
        self.model = model
        self.profiles = profiles
        batchPrice = model.batchPrice
    }
}
