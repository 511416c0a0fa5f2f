import CatalogModel

/// The trust policy of a role an AWS service assumes for this account's own resources only:
/// `aws:SourceAccount` and `aws:SourceArn` keep another account's resources from having the
/// service act with it (the confused deputy).
enum ServiceTrust {
    /// - Parameter sourceArn: the resources the service acts for, as an `Fn::Sub` text such as
    ///   `arn:${AWS::Partition}:bedrock:us-east-1:${AWS::AccountId}:agent/*`.
    static func document(service: String, sourceArn: String) -> TemplateValue {
        InvokeStatements.document([[
            "Effect": "Allow", "Principal": ["Service": .string(service)], "Action": "sts:AssumeRole",
            "Condition": [
                "StringEquals": ["aws:SourceAccount": .ref("AWS::AccountId")],
                "ArnLike": ["aws:SourceArn": .sub(sourceArn)],
            ],
        ]])
    }
}
