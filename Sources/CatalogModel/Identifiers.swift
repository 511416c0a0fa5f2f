/// Shapes of the identifiers the catalog accepts, so bad ids are rejected at the edge with a
/// message that says what is allowed.
public enum Identifiers {
    /// `us-east-1`, `us-gov-west-1`, `eusc-de-east-1`.
    public static func isRegionCode(_ value: String) -> Bool {
        value.count <= 32 && value.wholeMatch(of: /[a-z]{2,5}(-[a-z]+){1,3}-[0-9]{1,2}/) != nil
    }
    public static let regionCodeRule = "a Region code such as \"us-east-1\""

    /// `anthropic.claude-3-5-sonnet-20241022-v2:0`, `amazon.nova-lite-v1:0`, `deepseek.v3.2`.
    public static func isModelId(_ value: String) -> Bool {
        value.count <= 140
            && value.wholeMatch(of: /[a-z0-9-]{1,63}\.[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63}){0,3}(:[a-z0-9-]{1,63}){0,2}/) != nil
    }
    public static let modelIdRule =
        "a model id such as \"anthropic.claude-3-5-sonnet-20241022-v2:0\" (lowercase provider.name[:version], at most 140 characters)"

    /// `us`, `apac`, `us-gov`, `global`.
    public static func isGeographyPrefix(_ value: String) -> Bool {
        value.wholeMatch(of: /[a-z]{2,8}(-[a-z]{2,8})?/) != nil
    }
    public static let geographyPrefixRule = "a geography prefix such as \"us\", \"apac\" or \"us-gov\""

    /// `aws`, `aws-us-gov`, `aws-cn`.
    public static func isPartition(_ value: String) -> Bool {
        value.wholeMatch(of: /aws(-[a-z]+){0,3}/) != nil
    }
    public static let partitionRule = "a partition such as \"aws\" or \"aws-us-gov\""

    /// `2026-08-22`.
    public static func isDate(_ value: String) -> Bool {
        value.wholeMatch(of: /[0-9]{4}-[0-1][0-9]-[0-3][0-9]/) != nil
    }
    public static let dateRule = "a date as YYYY-MM-DD"

    /// A 12-digit AWS account id.
    public static func isAccountId(_ value: String) -> Bool {
        value.wholeMatch(of: /[0-9]{12}/) != nil
    }

    /// Splits a system-defined profile id into its geography prefix and model id
    /// (`us-gov.x.y:0` -> `us-gov`, `x.y:0`), or `nil` when it has no such shape.
    public static func splitProfileId(_ id: String) -> (geography: String, modelId: String)? {
        guard let dot = id.firstIndex(of: ".") else { return nil }
        let geography = String(id[..<dot])
        let modelId = String(id[id.index(after: dot)...])
        guard isGeographyPrefix(geography), isModelId(modelId) else { return nil }
        return (geography, modelId)
    }

    /// The longest free-text value (names, descriptions) the catalog stores.
    public static let maxTextLength = 256
}
