/// How an app in one Region calls one model: the ARN to copy from or invoke, and every Region
/// a request may be served in (what IAM must allow).
public struct Resolution: Encodable, Hashable, Sendable {
    public var modelId: String
    /// The deployment (source) Region.
    public var region: String
    public var partition: String
    /// The system-defined profile used, or `nil` when the model is called in `region` alone.
    @Nullable public var profileId: String?
    @Nullable public var profileStatus: ProfileStatus?
    /// The profile's geography prefix, or `nil` when single-Region.
    @Nullable public var geography: String?
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
}
