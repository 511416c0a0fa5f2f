import CatalogModel

/// The IAM statements that let a principal call a model through an application inference
/// profile: the profile itself, the system-defined profile it copies from, and the
/// foundation model in every Region a request may be served in (a Region left out means
/// AccessDenied whenever Bedrock routes there).
enum InvokeStatements {
    /// Converse and ConverseStream are authorised by these two actions.
    static let invokeActions: [String] = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]

    /// - Parameter profileArn: the profile the principal calls: an application profile, or the
    ///   system-defined profile itself; `nil` when it calls the model in one Region directly.
    static func statements(profileArn: TemplateValue?, resolution: Resolution, extraProfileActions: [String] = [])
        -> [TemplateValue]
    {
        var profileResources: [TemplateValue] = profileArn.map { [$0] } ?? []
        let systemProfile = ArnValue.of(resolution.modelSourceArn)
        if resolution.profileId != nil, profileArn != systemProfile { profileResources.append(systemProfile) }
        var statements: [TemplateValue] = []
        if !profileResources.isEmpty {
            statements.append([
                "Sid": "InvokeThroughInferenceProfile",
                "Effect": "Allow",
                "Action": .strings(invokeActions + extraProfileActions),
                "Resource": .array(profileResources),
            ])
        }
        statements.append([
            "Sid": "InvokeFoundationModelInDestinationRegions",
            "Effect": "Allow",
            "Action": .strings(invokeActions),
            "Resource": .array(resolution.foundationModelArns.map(ArnValue.of)),
        ])
        return statements
    }

    static func document(_ statements: [TemplateValue]) -> TemplateValue {
        ["Version": "2012-10-17", "Statement": .array(statements)]
    }
}
