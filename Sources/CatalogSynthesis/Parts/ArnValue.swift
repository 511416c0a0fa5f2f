/// An ARN as a template value. The partition becomes `${AWS::Partition}`, so the template
/// names no partition of its own, and any ARN with a pseudo parameter is an `Fn::Sub`.
enum ArnValue {
    static func of(_ arn: String) -> TemplateValue {
        guard arn.hasPrefix("arn:"), let end = arn.dropFirst(4).firstIndex(of: ":") else { return .string(arn) }
        return .sub("arn:${AWS::Partition}" + arn[end...])
    }

    /// `text` as literal text inside `Fn::Sub`, where `${` would start a substitution: S3 keys may hold it.
    static func literal(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "$")) ? text.replacingOccurrences(of: "${", with: "${!") : text
    }

    /// A bucket given as a template value (a name or a `Ref`), or `keys` in it (`output/*`).
    static func s3(bucket: TemplateValue, keys: String? = nil) -> TemplateValue {
        .sub("arn:${AWS::Partition}:s3:::${Bucket}" + (keys.map { "/\($0)" } ?? ""), ["Bucket": bucket])
    }

    /// An EC2 resource of this stack's account and Region, such as `subnet/${IsolatedSubnet1}`.
    static func ec2(_ resource: String) -> TemplateValue {
        .sub("arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:\(resource)")
    }
}
