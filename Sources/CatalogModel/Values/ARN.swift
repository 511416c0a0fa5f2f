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
        guard let parts = parts(arn), parts.service == "bedrock", let slash = parts.resource.firstIndex(of: "/") else {
            return nil
        }
        let resource = parts.resource
        return (parts.partition, parts.region, parts.account,
                String(resource[..<slash]), String(resource[resource.index(after: slash)...]))
    }

    /// The six fields of any ARN, or `nil` when `arn` has another shape.
    public static func parts(_ arn: String) -> (partition: String, service: String, region: String, account: String, resource: String)? {
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6, fields[0] == "arn", Identifiers.isPartition(fields[1]), !fields[2].isEmpty,
              !fields[5].isEmpty else { return nil }
        return (fields[1], fields[2], fields[3], fields[4], fields[5])
    }

    /// The name of an IAM role from its ARN (`arn:aws:iam::123456789012:role/path/name` -> `name`).
    public static func roleName(_ arn: String) -> String? {
        guard let parts = parts(arn), parts.service == "iam", parts.region.isEmpty,
              Identifiers.isAccountId(parts.account), parts.resource.hasPrefix("role/") else { return nil }
        let resource = parts.resource
        let name = resource.lastIndex(of: "/").map { String(resource[resource.index(after: $0)...]) } ?? resource
        // Every allowed character is ASCII, so bytes are checked and counted as characters.
        guard (1...64).contains(name.utf8.count),
              name.utf8.allSatisfy({ Identifiers.isLetterOrDigit($0) || "+=,.@_-".utf8.contains($0) }) else { return nil }
        return name
    }

    /// The Region and name of a Lambda function from its ARN.
    public static func lambdaFunction(_ arn: String) -> (region: String, name: String)? {
        guard let parts = parts(arn), parts.service == "lambda", Identifiers.isRegionCode(parts.region),
              Identifiers.isAccountId(parts.account), parts.resource.hasPrefix("function:") else { return nil }
        let name = String(parts.resource.dropFirst("function:".count).prefix { $0 != ":" })
        guard (1...64).contains(name.count) else { return nil }
        return (parts.region, name)
    }

    /// The Region of a KMS key from its ARN (`arn:aws:kms:REGION:ACCOUNT:key/ID`).
    public static func kmsKeyRegion(_ arn: String) -> String? {
        guard let parts = parts(arn), parts.service == "kms", Identifiers.isRegionCode(parts.region),
              Identifiers.isAccountId(parts.account), parts.resource.hasPrefix("key/") else { return nil }
        let id = parts.resource.dropFirst("key/".count)
        guard (1...128).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { return nil }
        return parts.region
    }

    /// The Region of an application inference profile from its ARN.
    public static func applicationProfileRegion(_ arn: String) -> String? {
        guard let parsed = parse(arn), parsed.resourceType == "application-inference-profile",
              Identifiers.isRegionCode(parsed.region), Identifiers.isAccountId(parsed.account),
              !parsed.resourceId.isEmpty, parsed.resourceId.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        return parsed.region
    }
}
