/// Builds the Bedrock ARNs the catalog hands out.
public enum ARN {
    /// Stands for the account in an ARN when none was given: CloudFormation substitutes it, so
    /// the value can be pasted into a template's `Fn::Sub` as it is.
    public static let accountPlaceholder = "${AWS::AccountId}"

    /// `arn:aws:bedrock:us-east-1::foundation-model/<modelId>`; an empty Region gives the
    /// Region-less ARN that `global` profiles name.
    public static func foundationModel(partition: String, region: String, modelId: String) -> String {
        "arn:\(partition):bedrock:\(region)::foundation-model/\(modelId)"
    }

    /// `arn:aws:bedrock:us-east-1:<account>:inference-profile/<profileId>`.
    public static func systemProfile(partition: String, region: String, account: String?, profileId: String) -> String {
        "arn:\(partition):bedrock:\(region):\(account ?? accountPlaceholder):inference-profile/\(profileId)"
    }

    /// The parts of a Bedrock ARN (`arn:partition:bedrock:region:account:type/id`), or `nil`.
    public static func parse(_ arn: String) -> (partition: String, region: String, account: String, resourceType: String, resourceId: String)? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "bedrock",
              let slash = parts[5].firstIndex(of: "/") else { return nil }
        let resource = parts[5]
        return (String(parts[1]), String(parts[3]), String(parts[4]),
                String(resource[..<slash]), String(resource[resource.index(after: slash)...]))
    }
}
