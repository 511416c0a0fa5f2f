/// Synthesis given inputs that checking a spec rules out.
public enum SynthesisError: Error, CustomStringConvertible {
    /// A pattern that calls a Bedrock model was given no resolution for the Region.
    case unresolved(app: String, region: String)

    public var description: String {
        switch self {
        case let .unresolved(app, region):
            "app \"\(app)\" calls a Bedrock model, but no routing was resolved for \(region)"
        }
    }
}
