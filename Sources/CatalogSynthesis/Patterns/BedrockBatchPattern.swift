import CatalogModel

/// `bedrock-batch-stepfn`: a state machine whose input is `{job_name, manifest_keys, model_id}`;
/// for each manifest it has a function start a Bedrock batch inference job and waits (task
/// token, heartbeat = the job timeout) until a second function, called by EventBridge when the
/// job ends, reports its output files or its failure. The jobs' service role reads the input,
/// writes the output and invokes exactly what the model routes to.
struct BedrockBatchPattern {
    let context: SynthesisContext
    let properties: BedrockBatchProperties

    static let terminalStatuses = ["Completed", "PartiallyCompleted", "Failed", "Expired", "Stopped"]
    /// Days before a created bucket deletes job output, and old versions of anything.
    static let outputRetentionDays = 90
    static let noncurrentRetentionDays = 30
    /// Bucket names are global: a bucket named in the spec must be this account's, not a same-named one elsewhere.
    static let ownAccount: TemplateValue = ["aws:ResourceAccount": .ref("AWS::AccountId")]

    /// How long past the job timeout the workflow still waits for the job's own end.
    static let heartbeatMarginHours = 1
    /// Why job actions name `model-invocation-job/*`: a job's ARN ends in an id Bedrock makes.
    static func jobArnReasons(_ actions: [String]) -> TemplateObject {
        TemplateObject(actions.map { ($0, TemplateValue.string("A job's ARN ends in an id Bedrock "
            + "makes as the job starts: model-invocation-job/* of this account in the Region, nothing wider")) })
    }

    /// Why the workflow's functions reserve no concurrency.
    static let reservingCost = "reserved concurrency would be taken from every other function of the account (an "
        + "account at Lambda's lowest concurrency quota can reserve none)"

    func build() throws -> SynthesizedTemplate {
        let resolution = try context.bedrockResolution()
        let hours = properties.hours ?? BedrockBatchProperties.defaultTimeoutHours
        let maxJobs = properties.maxConcurrentJobs ?? BedrockBatchProperties.defaultMaxConcurrentJobs
        let route = resolution.profileId.map { "the cross-Region profile \($0)" } ?? "the model in \(context.region)"
        var template = context.template(summary: "Step Functions workflow running batch inference jobs of "
            + "\(resolution.modelId) through \(route)")
        let buckets = addBuckets(&template)
        addJobRole(buckets: buckets, resolution: resolution, template: &template)

        let jobArns = ArnValue.of("arn:aws:bedrock:\(context.region):\(ARN.accountPlaceholder):model-invocation-job/*")
        // The job names the profile (or the model in the Region); Bedrock serves it wherever the profile routes.
        let modelResources = (resolution.profileId == nil ? [] : [ArnValue.of(resolution.modelSourceArn)])
            + resolution.foundationModelArns.map(ArnValue.of)
        LambdaFunctionResources(
            props: LambdaFunctionProps(runtime: "python3.13", handler: "index.handler",
                                       code: FunctionCode(inline: BedrockBatchFunctions.submit)),
            description: "deploycat \(context.spec.name): starts a Bedrock batch inference job of \(resolution.modelId)",
            roleDescription: "deploycat \(context.spec.name) in \(context.region): starts batch inference jobs",
            variables: [
                "MODEL_ID": .string(resolution.profileId ?? resolution.modelId),
                "MODEL_ARN": ArnValue.of(resolution.modelSourceArn),
                "JOB_ROLE_ARN": .getAtt("JobRole", "Arn"),
                "INPUT_BUCKET": buckets.input, "OUTPUT_BUCKET": buckets.output,
                "JOB_NAME_PREFIX": .string(jobNamePrefix),
                "TIMEOUT_HOURS": .string("\(hours)"),
            ],
            policies: [["PolicyName": "start-batch-jobs", "PolicyDocument": InvokeStatements.document([
                ["Sid": "StartJobs", "Effect": "Allow", "Action": ["bedrock:CreateModelInvocationJob"], "Resource": [jobArns]],
                // Only the tags the workflow reads back: the task token's pieces and the workflow.
                ["Sid": "TagJobsForTheWorkflow", "Effect": "Allow", "Action": ["bedrock:TagResource"], "Resource": [jobArns],
                 "Condition": ["ForAllValues:StringLike": ["aws:TagKeys": ["TaskToken:*", "deploycat:workflow"]]]],
                ["Sid": "StartJobsOfTheModel", "Effect": "Allow", "Action": ["bedrock:CreateModelInvocationJob"],
                 "Resource": .array(modelResources)],
                ["Sid": "PassJobRoleToBedrock", "Effect": "Allow", "Action": ["iam:PassRole"],
                 "Resource": [.getAtt("JobRole", "Arn")],
                 "Condition": ["StringEquals": ["iam:PassedToService": "bedrock.amazonaws.com"]]],
            ])]],
            network: nil, logicalId: "SubmitFunction", purpose: "submit-job",
            policyWildcardReasons: Self.jobArnReasons(["bedrock:CreateModelInvocationJob", "bedrock:TagResource"]),
            calls: "Bedrock", specChoosesVpc: false, invocation: .synchronously(by: "the workflow's state machine"),
            unreservedReason: "The workflow starts at most maxConcurrentJobs (\(maxJobs)) of these calls at once, and "
                + Self.reservingCost
        ).add(to: &template, context: context)
        LambdaFunctionResources(
            props: LambdaFunctionProps(runtime: "python3.13", handler: "index.handler",
                                       code: FunctionCode(inline: BedrockBatchFunctions.complete)),
            description: "deploycat \(context.spec.name): reports the end of a batch inference job to the workflow",
            roleDescription: "deploycat \(context.spec.name) in \(context.region): reports batch inference jobs' ends",
            variables: ["STATE_MACHINE_ARN": .ref("StateMachine")],
            policies: [["PolicyName": "report-batch-jobs", "PolicyDocument": InvokeStatements.document([
                ["Sid": "ReadJobsAndTheirTags", "Effect": "Allow",
                 "Action": ["bedrock:GetModelInvocationJob", "bedrock:ListTagsForResource"], "Resource": [jobArns]],
                ["Sid": "ListJobOutput", "Effect": "Allow", "Action": ["s3:ListBucket"],
                 "Resource": [ArnValue.s3(bucket: buckets.output)],
                 "Condition": ["StringLike": ["s3:prefix": ["output/*"]], "StringEquals": Self.ownAccount]],
                ["Sid": "EndTheWait", "Effect": "Allow", "Action": ["states:SendTaskFailure", "states:SendTaskSuccess"],
                 "Resource": "*"],
            ])]],
            network: nil, logicalId: "CompleteFunction", purpose: "complete-job",
            policyWildcardReasons: Self.jobArnReasons(["bedrock:GetModelInvocationJob", "bedrock:ListTagsForResource"])
                .merging([
                    "states:SendTaskSuccess": "Task tokens are not resources: Step Functions authorizes SendTaskSuccess only on *",
                    "states:SendTaskFailure": "Task tokens are not resources: Step Functions authorizes SendTaskFailure only on *",
                ]),
            calls: "Bedrock, S3 and Step Functions", specChoosesVpc: false, invocation: .asynchronously,
            unreservedReason: "It runs once per job of this app that ends, and EventBridge's events wait and are retried "
                + "when it is throttled; " + Self.reservingCost
        ).add(to: &template, context: context)
        addJobEvents(&template)
        addStateMachine(hours: hours, template: &template)
        return context.result(template, dependencies: TemplateDependencies(resolution))
    }

    /// The prefix every job name starts with (and the event rule matches): the spec's, or the
    /// app's name cut to fit.
    private var jobNamePrefix: String {
        properties.jobNamePrefix ?? String(context.spec.name.prefix(BedrockBatchProperties.maxJobNamePrefix))
            .trimmingTrailing("-")
    }

    // MARK: - Buckets

    struct Buckets {
        var input: TemplateValue
        var output: TemplateValue
    }

    /// The buckets the spec names, and one the template creates for whichever it leaves out.
    private func addBuckets(_ template: inout TemplateBuilder) -> Buckets {
        let created: TemplateValue = .ref("BatchBucket")
        let buckets = Buckets(input: properties.inputBucket.map { .string($0) } ?? created,
                              output: properties.outputBucket.map { .string($0) } ?? created)
        guard properties.inputBucket == nil || properties.outputBucket == nil else { return buckets }
        template.resource("BatchBucket", "AWS::S3::Bucket", [
            "BucketEncryption": ["ServerSideEncryptionConfiguration": [["ServerSideEncryptionByDefault": ["SSEAlgorithm": "AES256"]]]],
            "VersioningConfiguration": ["Status": "Enabled"],
            "PublicAccessBlockConfiguration": [
                "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true,
            ],
            "OwnershipControls": ["Rules": [["ObjectOwnership": "BucketOwnerEnforced"]]],
            "LifecycleConfiguration": ["Rules": [
                ["Id": "ExpireOldJobOutput", "Status": "Enabled", "Prefix": "output/",
                 "ExpirationInDays": .number(Self.outputRetentionDays)],
                ["Id": "ExpireOldVersions", "Status": "Enabled",
                 "NoncurrentVersionExpiration": ["NoncurrentDays": .number(Self.noncurrentRetentionDays)],
                 "AbortIncompleteMultipartUpload": ["DaysAfterInitiation": 7]],
            ]],
            "Tags": context.tags(),
        ], checkov: [CheckovSkip("CKV_AWS_18", "It holds only this workflow's manifests and job output; "
            + "server access logs would need a second bucket to secure and keep, and CloudTrail data events "
            + "record object access where the account turns them on")], keepOnDelete: true)
        template.resource("BatchBucketPolicy", "AWS::S3::BucketPolicy", [
            "Bucket": .ref("BatchBucket"),
            "PolicyDocument": InvokeStatements.document([[
                "Sid": "RequireTLS", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                "Resource": [.getAtt("BatchBucket", "Arn"), .sub("${BatchBucket.Arn}/*")],
                "Condition": ["Bool": ["aws:SecureTransport": "false"]],
            ]]),
        ])
        template.output("BatchBucketName", created, description: "The bucket for manifests (any key) and job output (output/)")
        return buckets
    }

    // MARK: - The jobs' service role

    /// Assumed by Bedrock only for this account's jobs in the Region.
    private func addJobRole(buckets: Buckets, resolution: Resolution, template: inout TemplateBuilder) {
        var statements: [TemplateValue] = [
            ["Sid": "ReadManifests", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": [ArnValue.s3(bucket: buckets.input, keys: "*")],
             "Condition": ["StringEquals": Self.ownAccount]],
            ["Sid": "WriteJobOutput", "Effect": "Allow", "Action": ["s3:PutObject"], "Resource": [ArnValue.s3(bucket: buckets.output, keys: "output/*")],
             "Condition": ["StringEquals": Self.ownAccount]],
        ]
        let listed = buckets.input == buckets.output ? [buckets.input] : [buckets.input, buckets.output]
        statements.append(["Sid": "ListBuckets", "Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": .array(listed.map { ArnValue.s3(bucket: $0) }),
                           "Condition": ["StringEquals": Self.ownAccount]])
        // The profile itself (when there is one) and the model in every Region it routes to.
        statements += InvokeStatements.statements(profileArn: resolution.profileId.map { _ in ArnValue.of(resolution.modelSourceArn) },
                                                  resolution: resolution)
        var role: TemplateObject = [
            "Description": .string("deploycat \(context.spec.name) in \(context.region): Bedrock runs batch inference jobs"),
            "AssumeRolePolicyDocument": ServiceTrust.document(
                service: "bedrock.amazonaws.com",
                sourceArn: "arn:${AWS::Partition}:bedrock:\(context.region):${AWS::AccountId}:model-invocation-job/*"),
            "Policies": [["PolicyName": "batch-job", "PolicyDocument": InvokeStatements.document(statements)]],
            "Tags": context.tags(),
        ]
        if let policy = properties.batchPolicyArn { role["ManagedPolicyArns"] = [.string(policy)] }
        template.resource("JobRole", "AWS::IAM::Role", role, metadata: ["deploycat": ["wildcardResources": [
            "s3:GetObject": "Manifests may have any key: each run names its own; objects of the input bucket only",
            "s3:PutObject": "Bedrock names each job's output files itself: objects under output/ of the output bucket only",
        ]]])
        template.output("JobRoleArn", .getAtt("JobRole", "Arn"), description: "The role Bedrock runs the jobs with")
    }

    // MARK: - Events and workflow

    /// This app's jobs' ends (by job name prefix) call the reporting function.
    private func addJobEvents(_ template: inout TemplateBuilder) {
        template.resource("JobEndRule", "AWS::Events::Rule", [
            "Description": .string("deploycat \(context.spec.name): batch inference jobs of this app that ended"),
            "EventPattern": [
                "source": ["aws.bedrock"],
                "detail-type": ["Batch Inference Job State Change"],
                "detail": [
                    "status": .strings(Self.terminalStatuses),
                    "batchJobName": [["prefix": .string(jobNamePrefix + "-")]],
                ],
            ],
            "State": "ENABLED",
            "Targets": [["Id": "CompleteFunction", "Arn": .getAtt("CompleteFunction", "Arn")]],
            "Tags": context.tags(),
        ])
        template.resource("JobEndRulePermission", "AWS::Lambda::Permission", [
            "Action": "lambda:InvokeFunction",
            "FunctionName": .ref("CompleteFunction"),
            "Principal": "events.amazonaws.com",
            "SourceArn": .getAtt("JobEndRule", "Arn"),
        ])
    }

    private func addStateMachine(hours: Int, template: inout TemplateBuilder) {
        let retried = ["ServiceQuotaExceededException", "ThrottlingException", "Lambda.TooManyRequestsException",
                       "Lambda.ServiceException", "Lambda.SdkClientException"]
        let definition: TemplateValue = [
            "Comment": .string("deploycat \(context.spec.name): one Bedrock batch inference job per manifest key, awaited"),
            "StartAt": "RunJobs",
            "States": ["RunJobs": [
                "Type": "Map",
                "ItemsPath": "$.manifest_keys",
                "ItemSelector": ["manifestKey.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index", "request.$": "$"],
                "MaxConcurrency": .number(properties.maxConcurrentJobs ?? BedrockBatchProperties.defaultMaxConcurrentJobs),
                "ItemProcessor": [
                    "ProcessorConfig": ["Mode": "INLINE"],
                    "StartAt": "RunJob",
                    "States": ["RunJob": [
                        "Type": "Task",
                        "Resource": "${InvokeAndWait}",
                        "Parameters": [
                            "FunctionName": "${SubmitFunctionArn}",
                            "Payload": ["taskToken.$": "$$.Task.Token", "manifestKey.$": "$.manifestKey",
                                        "index.$": "$.index", "request.$": "$.request", "workflow.$": "$$.StateMachine.Id"],
                        ],
                        // Longer than the job may run, so a job that runs out reports Bedrock's Expired first.
                        "HeartbeatSeconds": .number((hours + Self.heartbeatMarginHours) * 3600),
                        "Retry": [[
                            "ErrorEquals": .strings(retried), "IntervalSeconds": 60, "MaxAttempts": 8, "BackoffRate": 2,
                            "MaxDelaySeconds": 900,
                        ]],
                        // One job's failure is that item's result; the other jobs go on.
                        "Catch": [["ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "JobFailed"]],
                        "End": true,
                    ], "JobFailed": ["Type": "Pass", "End": true]],
                ],
                "ResultPath": "$.jobs",
                "End": true,
            ]],
        ]
        let stateMachineArn = "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:\(context.spec.name)"
        template.resource("StateMachineRole", "AWS::IAM::Role", [
            "Description": .string("deploycat \(context.spec.name) in \(context.region): the batch workflow"),
            "AssumeRolePolicyDocument": ServiceTrust.document(service: "states.amazonaws.com", sourceArn: stateMachineArn),
            "Policies": [
                ["PolicyName": "start-jobs", "PolicyDocument": InvokeStatements.document([[
                    "Sid": "CallSubmitFunction", "Effect": "Allow", "Action": ["lambda:InvokeFunction"],
                    "Resource": [.getAtt("SubmitFunction", "Arn")],
                ]])],
                XRayRights.stateMachine.policy,
            ],
            "Tags": context.tags(),
        ], metadata: ["deploycat": ["wildcardResources": .object(XRayRights.stateMachine.wildcardReasons)]])
        template.resource("StateMachine", "AWS::StepFunctions::StateMachine", [
            "StateMachineName": .string(context.spec.name),
            "StateMachineType": "STANDARD",
            "RoleArn": .getAtt("StateMachineRole", "Arn"),
            "Definition": definition,
            // The partition is the stack's: the integration's ARN comes in as a substitution.
            "DefinitionSubstitutions": [
                "InvokeAndWait": .sub("arn:${AWS::Partition}:states:::lambda:invoke.waitForTaskToken"),
                "SubmitFunctionArn": .getAtt("SubmitFunction", "Arn"),
            ],
            "TracingConfiguration": ["Enabled": true],
            "Tags": context.tags(),
        ])
        template.output("StateMachineArn", .ref("StateMachine"),
                        description: "Start it with {\"job_name\": ..., \"manifest_keys\": [...], \"model_id\": ...}")
    }
}

private extension String {
    func trimmingTrailing(_ character: Character) -> String {
        var text = self
        while text.last == character { text.removeLast() }
        return text
    }
}
