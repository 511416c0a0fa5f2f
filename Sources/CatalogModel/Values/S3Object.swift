/// An object in S3 named as `s3://BUCKET/KEY`, so IAM can grant reading that one object.
public struct S3Object: Hashable, Sendable {
    public var bucket: String
    public var key: String

    public static let rule = "an S3 object URL such as \"s3://my-bucket/models/model.tar.gz\""

    /// Parses `url`, or `nil` when it is not `s3://` followed by a bucket name and a key.
    public init?(_ url: String) {
        guard url.hasPrefix("s3://") else { return nil }
        let rest = url.dropFirst("s3://".count)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let bucket = String(rest[..<slash])
        let key = String(rest[rest.index(after: slash)...])
        guard S3Object.isBucketName(bucket), (1...1024).contains(key.utf8.count), !key.hasSuffix("/"),
              !key.contains(where: { $0.isNewline || $0 == "*" || $0 == "?" })
        else { return nil }
        self.bucket = bucket
        self.key = key
    }

    /// 3 to 63 lowercase letters, digits, `.` and `-`, starting and ending with a letter or digit,
    /// not shaped like an IP address, without the prefixes and suffixes S3 keeps for itself.
    public static func isBucketName(_ value: String) -> Bool {
        guard (3...63).contains(value.count), let first = value.first, let last = value.last else { return false }
        let edge: (Character) -> Bool = { $0.isASCII && ($0.isNumber || ($0.isLetter && $0.isLowercase)) }
        let looksLikeAddress = value.split(separator: ".").count == 4 && value.allSatisfy { $0.isNumber || $0 == "." }
        let reserved = reservedPrefixes.contains { value.hasPrefix($0) } || reservedSuffixes.contains { value.hasSuffix($0) }
        return edge(first) && edge(last) && !looksLikeAddress && !reserved && !value.contains("..")
            && value.allSatisfy { edge($0) || $0 == "." || $0 == "-" }
    }
    static let reservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"]
    static let reservedSuffixes = ["-s3alias", "--ol-s3", "--x-s3", "--table-s3"]
    public static let bucketRule = "3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter "
        + "or digit, not starting with xn--, sthree- or amzn-s3-demo- nor ending with -s3alias, --ol-s3, --x-s3 or --table-s3"
}
