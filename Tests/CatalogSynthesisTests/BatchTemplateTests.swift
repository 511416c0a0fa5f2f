import CatalogModel
import CatalogSynthesis
import CatalogTestSupport
import Foundation
import Testing

/// What a `bedrock-batch-stepfn` template grants and wires, beyond its golden files.
@Suite struct BatchTemplateTests {
    func example() throws -> SynthesizedTemplate {
        let spec = try #require(try SynthesisFixtures.examples.first { $0.name == "claims-batch" })
        return try SynthesisFixtures.template(spec, region: "us-east-1")
    }

    func backfill() throws -> SynthesizedTemplate {
        let spec = try #require(try SynthesisFixtures.edgeCases.first { $0.name == "embeddings-backfill" })
        return try SynthesisFixtures.template(spec, region: "eu-central-1")
    }

    @Test func onlyBedrockActingForThisAccountsJobsMayAssumeTheJobRole() throws {
        let trust = try example().body.resources["JobRole"]?["Properties"]?["AssumeRolePolicyDocument"]?["Statement"]?.elements.first
        #expect(trust?["Principal"] == ["Service": "bedrock.amazonaws.com"])
        #expect(trust?["Condition"]?["StringEquals"]?["aws:SourceAccount"] == ["Ref": "AWS::AccountId"])
        #expect(trust?["Condition"]?["ArnLike"]?["aws:SourceArn"]
            == ["Fn::Sub": "arn:${AWS::Partition}:bedrock:us-east-1:${AWS::AccountId}:model-invocation-job/*"])
    }

    @Test func theJobRoleReadsInputWritesOutputAndInvokesWhatTheProfileRoutesTo() throws {
        let template = try backfill()
        let statements = template.body.statements
        #expect(statements["ReadManifests"]?["Resource"]
            == [["Fn::Sub": ["arn:${AWS::Partition}:s3:::${Bucket}/*", ["Bucket": "search-batch-input-123456789012"]]]])
        #expect(statements["WriteJobOutput"]?["Resource"]
            == [["Fn::Sub": ["arn:${AWS::Partition}:s3:::${Bucket}/output/*", ["Bucket": "search-batch-output-123456789012"]]]])
        // A model in its Region alone: no profile to invoke.
        #expect(statements["InvokeThroughInferenceProfile"] == nil)
        #expect(statements["InvokeFoundationModelInDestinationRegions"]?["Resource"]
            == [["Fn::Sub": "arn:${AWS::Partition}:bedrock:eu-central-1::foundation-model/amazon.titan-embed-text-v2:0"]])
        let role = template.body.resources["JobRole"]?["Properties"]
        #expect(role?["ManagedPolicyArns"] == ["arn:aws:iam::123456789012:policy/search-batch-kms"])
        #expect(template.body.resources["BatchBucket"] == nil)
    }

    @Test func theSubmitFunctionPassesExactlyTheJobRoleToBedrock() throws {
        let pass = try #require(try example().body.statements["PassJobRoleToBedrock"])
        #expect(pass["Resource"] == [["Fn::GetAtt": ["JobRole", "Arn"]]])
        #expect(pass["Condition"]?["StringEquals"]?["iam:PassedToService"] == "bedrock.amazonaws.com")
    }

    @Test func theWorkflowWaitsOnATaskTokenForTheJobTimeout() throws {
        let machine = try #require(try backfill().body.resources["StateMachine"]?["Properties"])
        let map = machine["Definition"]?["States"]?["RunJobs"]
        #expect(map?["ItemsPath"] == "$.manifest_keys" && map?["MaxConcurrency"] == 2)
        let task = map?["ItemProcessor"]?["States"]?["RunJob"]
        // An hour past the job's own timeout, so Bedrock's Expired arrives before the wait gives up.
        #expect(task?["Resource"] == "${InvokeAndWait}" && task?["HeartbeatSeconds"] == .number((7 * 24 + 1) * 3600))
        #expect(task?["Catch"]?.elements.first?["Next"] == "JobFailed")
        #expect(task?["Parameters"]?["Payload"]?["workflow.$"] == "$$.StateMachine.Id")
        #expect(machine["DefinitionSubstitutions"]?["InvokeAndWait"]
            == ["Fn::Sub": "arn:${AWS::Partition}:states:::lambda:invoke.waitForTaskToken"])
        #expect(task?["Parameters"]?["Payload"]?["taskToken.$"] == "$$.Task.Token")
    }

    @Test func jobEndsOfThisAppReachTheReportingFunction() throws {
        let template = try example()
        let pattern = template.body.resources["JobEndRule"]?["Properties"]?["EventPattern"]
        #expect(pattern?["detail-type"] == ["Batch Inference Job State Change"])
        #expect(pattern?["detail"]?["status"] == ["Completed", "PartiallyCompleted", "Failed", "Expired", "Stopped"])
        #expect(pattern?["detail"]?["batchJobName"] == [["prefix": "claims-"]])
        let variables = template.body.resources["SubmitFunction"]?["Properties"]?["Environment"]?["Variables"]
        #expect(variables?["JOB_NAME_PREFIX"] == "claims" && variables?["MODEL_ID"] == "us.amazon.nova-pro-v1:0")
    }

    @Test func aCreatedBucketIsPrivateEncryptedVersionedAndTLSOnly() throws {
        let resources = try example().body.resources
        let bucket = try #require(resources["BatchBucket"]?["Properties"])
        #expect(bucket["VersioningConfiguration"]?["Status"] == "Enabled")
        #expect(bucket["PublicAccessBlockConfiguration"]?["RestrictPublicBuckets"] == true)
        #expect(bucket["BucketEncryption"] != nil && bucket["LifecycleConfiguration"] != nil)
        let deny = resources["BatchBucketPolicy"]?["Properties"]?["PolicyDocument"]?["Statement"]?.elements.first
        #expect(deny?["Effect"] == "Deny" && deny?["Condition"]?["Bool"]?["aws:SecureTransport"] == "false")
    }

    /// The reporting function answers only jobs its own state machine started.
    @Test func theReportingFunctionKnowsItsWorkflow() throws {
        let variables = try example().body.resources["CompleteFunction"]?["Properties"]?["Environment"]?["Variables"]
        #expect(variables?["STATE_MACHINE_ARN"] == ["Ref": "StateMachine"])
    }

    /// The inline functions are Python that compiles (when python3 is on this machine).
    @Test func theFunctionsCompile() throws {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else { return }
        let resources = try example().body.resources
        for function in ["SubmitFunction", "CompleteFunction"] {
            let code = try #require(resources[function]?["Properties"]?["Code"]?["ZipFile"]?.text)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("deploycat-\(UUID().uuidString).py")
            try code.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let parsed = try Script.run(python, "-c", "import ast, sys; ast.parse(open(sys.argv[1]).read())", file.path)
            #expect(parsed.status == 0, "\(function)'s code does not parse as Python: \(parsed.stderr)")
        }
    }
}
