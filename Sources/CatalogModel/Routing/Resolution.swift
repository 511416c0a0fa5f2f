/// How an app in one Region calls one model: the ARN to copy from or invoke, and every Region
/// a request may be served in (what IAM must allow).
public struct Resolution: Encodable, Hashable, Sendable {
    public var modelId: String
    /// The deployment (source) Region.
    public var region: String
    public var partition: String
    /// The system-defined profile used, or `nil` when the model is called in `region` alone.
    public var profileId: String?
    public var profileStatus: ProfileStatus?
    /// The profile's geography prefix, or `nil` when single-Region.
    public var geography: String?
    /// What an application inference profile copies from: the system-defined profile ARN, or
    /// the foundation-model ARN in `region` when single-Region.
    public var modelSourceArn: String
    /// Every Region a request may be served in, sorted.
    public var destinationRegions: [String]
    /// The foundation-model ARNs IAM must allow: one per destination Region, plus the
    /// Region-less ARN for a global profile.
    public var foundationModelArns: [String]
    /// Things that work today but need attention: a LEGACY model, an unlisted profile.
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case modelId, region, partition, profileId, profileStatus, geography, modelSourceArn, destinationRegions,
             foundationModelArns, warnings
    }

    /// Encodes `nil` as JSON `null`, so `profileId` is always present.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(modelId, forKey: .modelId)
        try c.encode(region, forKey: .region)
        try c.encode(partition, forKey: .partition)
        try c.encode(profileId, forKey: .profileId)
        try c.encode(profileStatus, forKey: .profileStatus)
        try c.encode(geography, forKey: .geography)
        try c.encode(modelSourceArn, forKey: .modelSourceArn)
        try c.encode(destinationRegions, forKey: .destinationRegions)
        try c.encode(foundationModelArns, forKey: .foundationModelArns)
        try c.encode(warnings, forKey: .warnings)
    }
}
