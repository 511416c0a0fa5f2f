import CatalogModel
import CatalogSynthesis
import Testing

/// What every template does by default where checkov looks (log keys, dead-letter queues), and
/// the reasons it gives, resource by resource, for the checks it does not meet.
@Suite struct SecureDefaultsTests {
    static func templates() throws -> [SynthesizedTemplate] {
        try (SynthesisFixtures.examples + SynthesisFixtures.edgeCases).flatMap { try SynthesisFixtures.templates($0) }
    }

    /// Every log group is encrypted with the stack's key, whose policy lets CloudWatch Logs use it
    /// for exactly the stack's log groups; like them, the key stays when the stack goes.
    @Test func logGroupsAreEncryptedWithAKeyForThemOnly() throws {
        var groups = 0
        for template in try Self.templates() {
            let resources = template.body.resources
            let names = resources.values.filter { $0["Type"] == "AWS::Logs::LogGroup" }.compactMap {
                $0["Properties"]?["LogGroupName"]?.text
            }
            guard !names.isEmpty else {
                #expect(resources["LogKey"] == nil, "\(template.app): a log key without log groups")
                continue
            }
            groups += names.count
            for (id, group) in resources where group["Type"] == "AWS::Logs::LogGroup" {
                #expect(group["Properties"]?["KmsKeyId"] == ["Fn::GetAtt": ["LogKey", "Arn"]], "\(template.app): \(id)")
            }
            let key = try #require(resources["LogKey"], "\(template.app) has log groups but no log key")
            #expect(key["Properties"]?["EnableKeyRotation"] == true)
            #expect(key["DeletionPolicy"] == "Retain")
            let statements = key["Properties"]?["KeyPolicy"]?["Statement"]?.elements ?? []
            let logs = try #require(statements.first { $0["Sid"] == "LogsEncryptOwnLogGroups" })
            #expect(logs["Principal"]?["Service"] == ["Fn::Sub": "logs.${AWS::Region}.${AWS::URLSuffix}"])
            let allowed = logs["Condition"]?["ArnEquals"]?["kms:EncryptionContext:aws:logs:arn"]?.elements.compactMap(\.text)
            #expect(allowed == names.sorted().map {
                "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:\($0)"
            }, "\(template.app) in \(template.region)")
        }
        #expect(groups > 10)
    }

    /// Only the function EventBridge invokes (asynchronously) has a dead-letter queue, which its
    /// role may send to and nothing else may.
    @Test func theAsynchronouslyInvokedFunctionHasADeadLetterQueue() throws {
        let spec = try #require(try SynthesisFixtures.examples.first { $0.name == "claims-batch" })
        let resources = try SynthesisFixtures.template(spec, region: "us-east-1").body.resources
        let queue = try #require(resources["CompleteFunctionDeadLetterQueue"]?["Properties"])
        #expect(queue["SqsManagedSseEnabled"] == true)
        #expect(resources["CompleteFunction"]?["Properties"]?["DeadLetterConfig"]
            == ["TargetArn": ["Fn::GetAtt": ["CompleteFunctionDeadLetterQueue", "Arn"]]])
        let send = resources["CompleteFunctionRole"]?["Properties"]?["Policies"]?.elements
            .first { $0["PolicyName"] == "dead-letter" }?["PolicyDocument"]?["Statement"]?.elements
        #expect(send == [["Sid": "SendFailedEvents", "Effect": "Allow", "Action": ["sqs:SendMessage"],
                          "Resource": [["Fn::GetAtt": ["CompleteFunctionDeadLetterQueue", "Arn"]]]]])
        #expect(resources["SubmitFunction"]?["Properties"]?["DeadLetterConfig"] == nil)
        #expect(resources["SubmitFunctionDeadLetterQueue"] == nil)
    }

    /// A check is skipped only with a reason, and only where it applies: a function in a VPC
    /// skips no VPC check; one with reserved concurrency, no concurrency check; a function whose
    /// spec sets variables of its own does not claim that every variable is deploycat's.
    @Test func skippedChecksHaveReasonsAndApplyOnlyWhereTheyHold() throws {
        var functions = 0
        for template in try Self.templates() {
            for (id, resource) in template.body.resources {
                for skip in resource["Metadata"]?["checkov"]?["skip"]?.elements ?? [] {
                    #expect(skip["id"]?.text?.hasPrefix("CKV_") == true, "\(template.app): \(id)")
                    #expect((skip["comment"]?.text?.count ?? 0) > 40, "\(template.app): \(id) \(skip)")
                }
                guard resource["Type"] == "AWS::Lambda::Function" else { continue }
                functions += 1
                let properties = resource["Properties"]
                let skipped = Set(resource["Metadata"]?["checkov"]?["skip"]?.elements.compactMap { $0["id"]?.text } ?? [])
                #expect(skipped.contains("CKV_AWS_117") == (properties?["VpcConfig"] == nil), "\(template.app): \(id)")
                #expect(skipped.contains("CKV_AWS_115") == (properties?["ReservedConcurrentExecutions"] == nil),
                        "\(template.app): \(id)")
                #expect(skipped.contains("CKV_AWS_116") == (properties?["DeadLetterConfig"] == nil), "\(template.app): \(id)")
                #expect(skipped.contains("CKV_AWS_173"), "\(template.app): \(id)")
            }
        }
        #expect(functions > 10)
        let ownVariables = try #require(try SynthesisFixtures.examples.first { $0.name == "support-chat" })
        for template in try SynthesisFixtures.templates(ownVariables) {
            let skips = template.body.resources["Function"]?["Metadata"]?["checkov"]?["skip"]?.elements ?? []
            #expect(!skips.contains { $0["id"] == "CKV_AWS_45" }, "support-chat sets variables of its own")
        }
    }
}
