import CatalogModel

/// The Lambda function a pattern creates: its log group (encrypted with the template's log
/// key), its role (the pattern's policies first, then logs, X-Ray, a dead-letter queue and, in a
/// VPC, network interfaces, with why each `*` is there in the role's metadata), and the function
/// with X-Ray tracing, the pattern's environment variables and, in a VPC, its placement; with
/// why the function meets no more of checkov's checks, in its metadata.
struct LambdaFunctionResources {
    static let logRetentionDays = 365
    /// How long a dead-letter queue keeps a failed event: SQS's longest, 14 days.
    static let deadLetterRetentionSeconds = 14 * 24 * 3600

    /// How the function is invoked, which decides whether it needs a dead-letter queue.
    enum Invocation {
        /// By the app's own code, which the template does not know and which gets the errors back.
        case byTheApp
        /// Synchronously, by the named caller of this template, which handles the errors.
        case synchronously(by: String)
        /// Asynchronously, by an event source: events that still fail go to a dead-letter queue.
        case asynchronously
    }

    var props: LambdaFunctionProps
    /// The function's description.
    var description: String
    /// The role's description.
    var roleDescription: String
    /// The variables the pattern sets, on top of (and winning over) `props.environment`.
    var variables: TemplateObject
    /// The pattern's own inline policies (`PolicyName`, `PolicyDocument`), first in the role.
    var policies: [TemplateValue]
    var network: VpcResources?
    /// The function's logical id; its role's and log group's start with it.
    var logicalId = "Function"
    /// What the function does, for a pattern with several: CloudFormation names it then, and its
    /// log group is `/aws/lambda/deploycat/APP/PURPOSE`. Without: the function is named after the app.
    var purpose: String?
    /// Why the pattern's own policies use `*` where they do.
    var policyWildcardReasons: TemplateObject = [:]
    /// The services the function's role may call, for why it needs no VPC when it runs outside one.
    var calls: String
    /// Whether the pattern's spec can place the function in a VPC (`deployVpc`, `existingVpc`).
    var specChoosesVpc = true
    var invocation = Invocation.byTheApp
    /// Why the function has no reserved concurrency when the spec reserves none.
    var unreservedReason = "The spec sets no lambdaFunctionProps.reservedConcurrentExecutions: reserved concurrency "
        + "is taken from every other function of the account, and an account at Lambda's lowest concurrency quota "
        + "can reserve none, so reserving is the spec's choice"

    func add(to template: inout TemplateBuilder, context: SynthesisContext) {
        let runtime = props.runtime ?? LambdaRuntimes.defaultRuntime
        let logGroupName = purpose.map { "/aws/lambda/deploycat/\(context.spec.name)/\($0)" } ?? "/aws/lambda/\(context.spec.name)"
        LogEncryptionKey.addLogGroup(logGroupId, name: logGroupName, retentionDays: Self.logRetentionDays,
                                     context: context, template: &template)
        if case .asynchronously = invocation {
            template.resource(deadLetterQueueId, "AWS::SQS::Queue", [
                "MessageRetentionPeriod": .number(Self.deadLetterRetentionSeconds),
                "SqsManagedSseEnabled": true,
                "Tags": context.tags(),
            ], checkov: [CheckovSkip("CKV_AWS_27", "Encrypted at rest with SQS-managed keys (SqsManagedSseEnabled); the "
                + "check looks only for a KMS key, which would add a key policy and KMS rights to the function's role "
                + "for failed events that hold no more than their event source sent")])
            template.output("\(deadLetterQueueId)Url", .ref(deadLetterQueueId),
                            description: "Where the \(what)'s events go when every attempt failed")
        }
        template.resource(roleId, "AWS::IAM::Role", [
            "Description": .string(roleDescription),
            "AssumeRolePolicyDocument": InvokeStatements.document([[
                "Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole",
            ]]),
            "Policies": .array(policies + ownPolicies),
            "Tags": context.tags(),
        ], metadata: ["deploycat": ["wildcardResources": .object(wildcardReasons)]])

        var variables = TemplateObject((props.environment ?? [:]).mapValues(TemplateValue.string))
        variables.merge(self.variables)
        if LambdaRuntimes.isNodeJS(runtime) { variables["AWS_NODEJS_CONNECTION_REUSE_ENABLED"] = "1" }

        var function: TemplateObject = [
            "Description": .string(description),
            "Runtime": .string(runtime),
            "Handler": .string(props.handler ?? "index.handler"),
            "Code": code,
            "Role": .getAtt(roleId, "Arn"),
            "MemorySize": .number(props.memorySize ?? 256),
            "Timeout": .number(props.timeout ?? 30),
            "Architectures": [.string(props.architecture ?? "x86_64")],
            "Environment": ["Variables": .object(variables)],
            "TracingConfig": ["Mode": "Active"],
            "LoggingConfig": ["LogGroup": .ref(logGroupId)],
            "Tags": context.tags(),
        ]
        if purpose == nil { function["FunctionName"] = .string(context.spec.name) }
        if let reserved = props.reservedConcurrentExecutions {
            function["ReservedConcurrentExecutions"] = .number(reserved)
        }
        if let network {
            function["VpcConfig"] = ["SubnetIds": .array(network.subnetIds),
                                     "SecurityGroupIds": .array(network.functionSecurityGroups)]
            template.output("VpcId", network.vpcId, description: "The VPC the function runs in")
        }
        if case .asynchronously = invocation {
            function["DeadLetterConfig"] = ["TargetArn": .getAtt(deadLetterQueueId, "Arn")]
        }
        template.resource(logicalId, "AWS::Lambda::Function", function, checkov: checkovSkips(variables: variables))
        template.output("\(logicalId)Arn", .getAtt(logicalId, "Arn"), description: "The \(what)'s ARN")
        template.output("\(logicalId)Name", .ref(logicalId), description: "The \(what)'s name")
    }

    var roleId: String { "\(logicalId)Role" }
    private var logGroupId: String { "\(logicalId)LogGroup" }
    private var deadLetterQueueId: String { "\(logicalId)DeadLetterQueue" }
    /// How outputs name the function.
    private var what: String { purpose.map { "\($0) function" } ?? "function" }

    /// What Lambda does with network interfaces when it places a function in a VPC.
    private static let interfaceRights = VpcResources.InterfaceRights(
        create: ["ec2:CreateNetworkInterface"],
        manage: ["ec2:AssignPrivateIpAddresses", "ec2:DeleteNetworkInterface", "ec2:UnassignPrivateIpAddresses"],
        describe: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"])

    private var code: TemplateValue {
        if let bucket = props.code?.s3Bucket, let key = props.code?.s3Key {
            return ["S3Bucket": .string(bucket), "S3Key": .string(key)]
        }
        return ["ZipFile": .string(props.code?.inline ?? "")]
    }

    private var ownPolicies: [TemplateValue] {
        var policies: [TemplateValue] = [
            ["PolicyName": "logs", "PolicyDocument": InvokeStatements.document([[
                "Sid": "WriteOwnLogGroup", "Effect": "Allow",
                "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                "Resource": [.getAtt(logGroupId, "Arn")],
            ]])],
            XRayRights.function.policy,
        ]
        if case .asynchronously = invocation {
            policies.append(["PolicyName": "dead-letter", "PolicyDocument": InvokeStatements.document([[
                "Sid": "SendFailedEvents", "Effect": "Allow", "Action": ["sqs:SendMessage"],
                "Resource": [.getAtt(deadLetterQueueId, "Arn")],
            ]])])
        }
        if let network { policies.append(network.interfacePolicy(Self.interfaceRights)) }
        return policies
    }

    /// The checks of checkov the function does not meet, and why.
    private func checkovSkips(variables: TemplateObject) -> [CheckovSkip] {
        let names = variables.keys.sorted().joined(separator: ", ")
        let own = props.environment?.isEmpty ?? true
        var skips = [CheckovSkip("CKV_AWS_173", "Lambda encrypts the environment at rest with its AWS managed key; "
            + "the variables (\(names)) hold "
            + (own ? "model ids, resource names and ARNs that deploycat sets, no secret"
                : "resource names and ARNs and the spec's lambdaFunctionProps.environment, which is for settings, "
                    + "never secrets (those belong in Secrets Manager)"))]
        if own {
            skips.append(CheckovSkip("CKV_AWS_45", "Every variable (\(names)) is one deploycat sets: model ids, "
                + "resource names and ARNs, none a secret"))
        }
        if props.reservedConcurrentExecutions == nil { skips.append(CheckovSkip("CKV_AWS_115", unreservedReason)) }
        if network == nil {
            skips.append(CheckovSkip("CKV_AWS_117", "Its role may call only \(calls), over public endpoints; nothing "
                + "it may reach is in a VPC" + (specChoosesVpc ? " (deployVpc or existingVpc in the spec would place it in one)" : "")))
        }
        switch invocation {
        case .byTheApp:
            skips.append(CheckovSkip("CKV_AWS_116", "The template creates no asynchronous trigger for it: the app's "
                + "callers invoke it for a model's answer and get its errors back, and a dead-letter queue only ever "
                + "receives asynchronous events"))
        case let .synchronously(caller):
            skips.append(CheckovSkip("CKV_AWS_116", "Only \(caller) invokes it, synchronously, and retries or catches "
                + "its errors itself; a dead-letter queue only ever receives asynchronous events"))
        case .asynchronously:
            break
        }
        return skips
    }

    /// Why each `*` resource in the role is there: AWS offers nothing narrower for these actions.
    private var wildcardReasons: TemplateObject {
        var reasons = XRayRights.function.wildcardReasons
        if network != nil { reasons.merge(Self.interfaceRights.wildcardReasons) }
        return reasons.merging(policyWildcardReasons)
    }
}
