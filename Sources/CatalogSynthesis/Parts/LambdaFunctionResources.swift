import CatalogModel

/// The Lambda function a pattern creates: its log group, its role (the pattern's policies
/// first, then logs, X-Ray and, in a VPC, network interfaces, with why each `*` is there in
/// the role's metadata), and the function with X-Ray tracing, the pattern's environment
/// variables and, in a VPC, its placement.
struct LambdaFunctionResources {
    static let logRetentionDays = 365

    var props: LambdaFunctionProps
    /// The function's description.
    var description: String
    /// The role's description.
    var roleDescription: String
    /// The variables the pattern sets, on top of (and winning over) `props.environment`.
    var variables: [String: TemplateValue]
    /// The pattern's own inline policies (`PolicyName`, `PolicyDocument`), first in the role.
    var policies: [TemplateValue]
    var network: VpcResources?
    /// The function's logical id; its role's and log group's start with it.
    var logicalId = "Function"
    /// What the function does, for a pattern with several: CloudFormation names it then, and its
    /// log group is `/aws/lambda/deploycat/APP/PURPOSE`. Without: the function is named after the app.
    var purpose: String?
    /// Why the pattern's own policies use `*` where they do.
    var policyWildcardReasons: [String: TemplateValue] = [:]

    func add(to template: inout TemplateBuilder, context: SynthesisContext) {
        let runtime = props.runtime ?? LambdaRuntimes.defaultRuntime
        let logGroupName = purpose.map { "/aws/lambda/deploycat/\(context.spec.name)/\($0)" } ?? "/aws/lambda/\(context.spec.name)"
        template.resource(logGroupId, "AWS::Logs::LogGroup", [
            "LogGroupName": .string(logGroupName),
            "RetentionInDays": .number(Self.logRetentionDays),
            "Tags": context.tags(),
        ], keepOnDelete: true)
        template.resource(roleId, "AWS::IAM::Role", [
            "Description": .string(roleDescription),
            "AssumeRolePolicyDocument": InvokeStatements.document([[
                "Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole",
            ]]),
            "Policies": .array(policies + ownPolicies),
            "Tags": context.tags(),
        ], metadata: ["deploycat": ["wildcardResources": .object(wildcardReasons)]])

        var variables: [String: TemplateValue] = (props.environment ?? [:]).mapValues { .string($0) }
        variables.merge(self.variables) { _, own in own }
        if LambdaRuntimes.isNodeJS(runtime) { variables["AWS_NODEJS_CONNECTION_REUSE_ENABLED"] = "1" }

        var function: [String: TemplateValue] = [
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
        template.resource(logicalId, "AWS::Lambda::Function", function)
        template.output("\(logicalId)Arn", .getAtt(logicalId, "Arn"), description: "The \(what)'s ARN")
        template.output("\(logicalId)Name", .ref(logicalId), description: "The \(what)'s name")
    }

    var roleId: String { "\(logicalId)Role" }
    private var logGroupId: String { "\(logicalId)LogGroup" }
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
        if let network { policies.append(network.interfacePolicy(Self.interfaceRights)) }
        return policies
    }

    /// Why each `*` resource in the role is there: AWS offers nothing narrower for these actions.
    private var wildcardReasons: [String: TemplateValue] {
        var reasons = XRayRights.function.wildcardReasons
        if network != nil { reasons.merge(Self.interfaceRights.wildcardReasons) { _, new in new } }
        return reasons.merging(policyWildcardReasons) { _, own in own }
    }
}
