import CatalogModel

/// The KMS key (with rotation) that encrypts every log group of a template: the account
/// administers it, and CloudWatch Logs in the Region may use it for exactly the template's log
/// groups (the encryption context names the group), nothing else.
enum LogEncryptionKey {
    static let logicalId = "LogKey"
    static let arn: TemplateValue = .getAtt(logicalId, "Arn")

    /// A log group of the template, encrypted with the key; the key is added (or its policy
    /// widened to this group) with it. Log groups are kept when the stack goes, and so is the key
    /// that can read them.
    static func addLogGroup(
        _ logicalId: String, name: String, retentionDays: Int, context: SynthesisContext, template: inout TemplateBuilder
    ) {
        template.logGroupNames.append(name)
        template.resource(logicalId, "AWS::Logs::LogGroup", [
            "LogGroupName": .string(name),
            "RetentionInDays": .number(retentionDays),
            "KmsKeyId": arn,
            "Tags": context.tags(),
        ], keepOnDelete: true)
        addKey(logGroups: template.logGroupNames, context: context, template: &template)
    }

    private static func addKey(logGroups: [String], context: SynthesisContext, template: inout TemplateBuilder) {
        let groupArns = logGroups.sorted().map {
            TemplateValue.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:\(ArnValue.literal($0))")
        }
        template.resource(logicalId, "AWS::KMS::Key", [
            "Description": .string("deploycat \(context.spec.name) in \(context.region): its log groups"),
            "EnableKeyRotation": true,
            "KeyPolicy": InvokeStatements.document([
                ["Sid": "AccountAdministersKey", "Effect": "Allow",
                 "Principal": ["AWS": .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")],
                 "Action": "kms:*", "Resource": "*"],
                ["Sid": "LogsEncryptOwnLogGroups", "Effect": "Allow",
                 "Principal": ["Service": .sub("logs.${AWS::Region}.${AWS::URLSuffix}")],
                 "Action": ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
                 "Resource": "*",
                 "Condition": ["ArnEquals": ["kms:EncryptionContext:aws:logs:arn": .array(groupArns)]]],
            ]),
            "Tags": context.tags(),
        ], metadata: ["deploycat": ["wildcardResources": [
            "KeyPolicy": "In a key policy, Resource * means this key and no other",
        ]]], keepOnDelete: true)
        template.output("LogKeyArn", arn, description: "The KMS key the log groups are encrypted with")
    }
}
