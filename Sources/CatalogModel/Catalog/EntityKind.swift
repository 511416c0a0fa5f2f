/// What a catalog change or a template dependency refers to: a catalog entry (a Bedrock model,
/// a SageMaker model, a system-defined profile, a geography, a Region), an app, a level of tag
/// defaults (`*` or a team) or a tag policy key. The raw values are what the change log, the
/// `templateDependency.kind` column and JSON output hold.
public enum EntityKind: String, Codable, CaseIterable, Sendable {
    case model, sagemakerModel, profile, geography, region, app, tagDefaults, tagPolicy
}
