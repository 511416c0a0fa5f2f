import CatalogModel

/// The rights a traced resource needs to send X-Ray traces, which AWS authorizes only on `*`.
struct XRayRights {
    var actions: [String]

    /// What a traced Lambda function sends.
    static let function = XRayRights(actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"])
    /// What a traced state machine sends, sampling rules included.
    static let stateMachine = XRayRights(actions: [
        "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments",
    ])

    /// The role's inline policy `xray`.
    var policy: TemplateValue {
        ["PolicyName": "xray", "PolicyDocument": InvokeStatements.document([[
            "Sid": "SendTraces", "Effect": "Allow", "Action": .strings(actions), "Resource": "*",
        ]])]
    }

    /// Why each action is on `*`, for the role's metadata.
    var wildcardReasons: TemplateObject {
        TemplateObject(actions.map { ($0, "X-Ray has no resource-level permissions: AWS accepts only *") })
    }
}
