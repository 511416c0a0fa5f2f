/// A foundation model's lifecycle status as ListFoundationModels reports it.
public enum ModelLifecycle: String, Codable, Hashable, Sendable, CaseIterable {
    case active = "ACTIVE"
    /// Still callable, but scheduled for end of life: new apps should pick another model.
    case legacy = "LEGACY"
}
