/// Whether a system-defined inference profile is still listed by ListInferenceProfiles.
public enum ProfileStatus: String, Codable, Hashable, Sendable, CaseIterable {
    case listed
    /// Kept for the apps that still name it, but AWS no longer lists it (or never did in a
    /// listing the catalog saw): resolution prefers listed profiles and warns about these.
    case unlisted
}
