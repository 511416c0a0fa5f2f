import CatalogModel

/// One model with the system-defined profiles that route to it, and what batch jobs on it cost.
public struct ModelDetail: Encodable, Hashable, Sendable {
    public var model: FoundationModel
    public var profiles: [SystemProfile]
    /// `model.batchPrice`: `null` in JSON when the model takes no batch jobs or nothing says.
    public var batchPrice: BatchPrice?

    init(model: FoundationModel, profiles: [SystemProfile]) {
        self.model = model
        self.profiles = profiles
        batchPrice = model.batchPrice
    }

    enum CodingKeys: String, CodingKey { case model, profiles, batchPrice }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(model, forKey: .model)
        try c.encode(profiles, forKey: .profiles)
        try c.encode(batchPrice, forKey: .batchPrice)
    }
}
