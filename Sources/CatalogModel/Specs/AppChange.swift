/// What applying a spec did to an app.
public enum AppChange: String, Codable, Hashable, Sendable {
    case created
    case updated
    case unchanged
    /// A deleted app applied again.
    case restored
}
