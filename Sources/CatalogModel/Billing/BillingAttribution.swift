/// Which app a billing row's cost belongs to: by its `deploycat:app` tag; else by its resource
/// id, when an earlier or the same import saw that resource tagged (application inference
/// profile ARNs carry a random id, and tag activation is not retroactive, so a month's first rows
/// often lack the tags that later rows of the same ARN have); else by a physical name deploycat
/// generates deterministically and that the ARN shows (a Lambda function or Step Functions state
/// machine named after the app, a SageMaker endpoint). Other rows are unattributed.
public struct BillingAttribution: Sendable {
    /// How a row was attributed.
    public enum Method: String, Sendable, Codable {
        case tag, learnedResource, generatedName
    }

    /// Resource id -> app, learned from rows that carried both.
    public var learned: [String: String]
    /// `BillingAttribution.generatedKey` -> app.
    private var generated: [String: String] = [:]

    /// - Parameter apps: every app, deleted ones too (their resources billed until they went).
    public init(apps: [AppSpec], learned: [String: String]) {
        self.learned = learned
        for app in apps.sorted(by: { $0.name < $1.name }) {
            for key in app.generatedResourceKeys where generated[key] == nil { generated[key] = app.name }
        }
    }

    /// The app a row with this `deploycat:app` tag value and resource id belongs to, and how it
    /// was found; `nil` when unattributed.
    public func app(tag: String?, resourceId: String) -> (app: String, method: Method)? {
        if let tag, !tag.isEmpty { return (tag, .tag) }
        guard !resourceId.isEmpty else { return nil }
        if let app = learned[resourceId] { return (app, .learnedResource) }
        if let key = Self.generatedKey(arn: resourceId), let app = generated[key] { return (app, .generatedName) }
        return nil
    }

    /// `lambda:function:NAME`, `states:stateMachine:NAME`, `sagemaker:endpoint:name` for the
    /// ARN of a function (any version or alias), a state machine (or one of its executions) or a
    /// SageMaker endpoint (whose ARNs are lower-case); `nil` for any other resource.
    public static func generatedKey(arn: String) -> String? {
        guard let parts = ARN.parts(arn) else { return nil }
        switch parts.service {
        case "lambda":
            let fields = parts.resource.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 2, fields[0] == "function", !fields[1].isEmpty else { return nil }
            return "lambda:function:\(fields[1])"
        case "states":
            let fields = parts.resource.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 2, fields[0] == "stateMachine" || fields[0] == "execution", !fields[1].isEmpty else {
                return nil
            }
            return "states:stateMachine:\(fields[1])"
        case "sagemaker":
            guard parts.resource.hasPrefix("endpoint/") else { return nil }
            let name = parts.resource.dropFirst("endpoint/".count)
            return name.isEmpty ? nil : "sagemaker:endpoint:\(name.lowercased())"
        default:
            return nil
        }
    }
}

extension AppSpec {
    /// The resources whose physical names deploycat sets from the spec alone, so that billing
    /// rows can be matched by ARN (see `BillingAttribution.generatedKey`): the Lambda function
    /// (named after the app) unless the spec names an existing one, the state machine of a
    /// batch workflow, and a SageMaker endpoint deploycat creates. An application inference
    /// profile's ARN carries a random id instead of its name: its rows are matched by tag, or
    /// by an ARN seen tagged before.
    public var generatedResourceKeys: [String] {
        switch properties {
        case let .lambdaBedrockInferenceProfile(properties):
            return properties.existingLambdaArn == nil ? ["lambda:function:\(name)"] : []
        case let .lambdaSagemakerEndpoint(properties):
            var keys = properties.existingLambdaArn == nil ? ["lambda:function:\(name)"] : []
            if properties.existingSagemakerEndpointName == nil {
                keys.append("sagemaker:endpoint:\((properties.endpointProps?.endpointName ?? name).lowercased())")
            }
            return keys
        case .bedrockBatchStepfn:
            return ["states:stateMachine:\(name)"]
        case .applicationInferenceProfile, .bedrockPrompt, .bedrockAgent:
            return []
        }
    }
}
