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

    /// `arn:aws:s3:::BUCKET/KEY`: S3 ARNs carry neither Region nor account.
    public func arn(partition: String) -> String {
        "arn:\(partition):s3:::\(bucket)/\(key)"
    }

    /// 3 to 63 lowercase letters, digits, `.` and `-`, starting and ending with a letter or digit,
    /// not shaped like an IP address.
    public static func isBucketName(_ value: String) -> Bool {
        guard (3...63).contains(value.count), let first = value.first, let last = value.last else { return false }
        let edge: (Character) -> Bool = { $0.isASCII && ($0.isNumber || ($0.isLetter && $0.isLowercase)) }
        let looksLikeAddress = value.split(separator: ".").count == 4 && value.allSatisfy { $0.isNumber || $0 == "." }
        return edge(first) && edge(last) && !looksLikeAddress && !value.contains("..")
            && value.allSatisfy { edge($0) || $0 == "." || $0 == "-" }
    }
    public static let bucketRule = "3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit"
}
