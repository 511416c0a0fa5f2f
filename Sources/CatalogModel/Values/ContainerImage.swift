/// An Amazon ECR image URI, `ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY[:TAG|@sha256:DIGEST]`,
/// taken apart so IAM can name exactly the image's repository, wherever it lives.
public struct ContainerImage: Hashable, Sendable {
    public var account: String
    public var region: String
    public var repository: String
    /// `:TAG` or `@sha256:...`, or empty (the `latest` tag).
    public var reference: String

    public static let rule = "an Amazon ECR image URI such as "
        + "\"123456789012.dkr.ecr.us-east-1.amazonaws.com/my-model:1.0\" (ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY[:TAG], "
        + "the repository 2 to 256 lowercase letters, digits and . _ - /)"

    /// Parses `uri`, or `nil` when it is not an ECR image URI (Docker Hub and other registries
    /// cannot serve SageMaker models).
    public init?(_ uri: String) {
        guard uri.utf8.count <= 255 + 256, let slash = uri.firstIndex(of: "/") else { return nil }
        let host = uri[..<slash].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        // ACCOUNT . dkr . ecr|ecr-fips . REGION . amazonaws . com[.cn]
        guard (6...7).contains(host.count), Identifiers.isAccountId(host[0]), host[1] == "dkr",
              ["ecr", "ecr-fips"].contains(host[2]), Identifiers.isRegionCode(host[3]),
              host[4] == "amazonaws", host[5] == "com", host.count == 6 || host[6] == "cn"
        else { return nil }
        var path = String(uri[uri.index(after: slash)...])
        var reference = ""
        if let at = path.firstIndex(of: "@") {
            reference = String(path[at...])
            path = String(path[..<at])
            let digest = reference.dropFirst("@sha256:".count)
            guard reference.hasPrefix("@sha256:"), digest.count == 64,
                  digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        } else if let colon = path.lastIndex(of: ":") {
            reference = String(path[colon...])
            path = String(path[..<colon])
            let tag = reference.dropFirst()
            guard (1...128).contains(tag.count), tag.first.map(Self.isTagStart) == true,
                  tag.allSatisfy({ Self.isTagStart($0) || $0 == "." || $0 == "-" }) else { return nil }
        }
        guard Self.isRepositoryName(path) else { return nil }
        account = host[0]
        region = host[3]
        repository = path
        self.reference = reference
    }

    /// `arn:PARTITION:ecr:REGION:ACCOUNT:repository/NAME`: images are pulled within a partition,
    /// so it is the stack's.
    public func repositoryArn(partition: String) -> String {
        "arn:\(partition):ecr:\(region):\(account):repository/\(repository)"
    }

    /// Lowercase components of letters and digits joined by `.`, `_`, `-` (`__` too), separated
    /// by `/`: 2 to 256 characters.
    private static func isRepositoryName(_ name: String) -> Bool {
        guard (2...256).contains(name.count) else { return false }
        return name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { component in
            guard let first = component.first, let last = component.last,
                  isLowerAlphanumeric(first), isLowerAlphanumeric(last) else { return false }
            return component.allSatisfy { isLowerAlphanumeric($0) || "._-".contains($0) }
        }
    }

    private static func isLowerAlphanumeric(_ c: Character) -> Bool {
        c.isASCII && (c.isNumber || (c.isLetter && c.isLowercase))
    }

    private static func isTagStart(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_")
    }
}
