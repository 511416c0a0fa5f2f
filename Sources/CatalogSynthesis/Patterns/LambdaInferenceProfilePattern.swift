import CatalogModel

/// `lambda-bedrock-inference-profile`: a Lambda function that calls Bedrock through its own
/// application inference profile, copied from the Region's cross-Region profile (or the
/// model in the Region), with least-privilege rights in every destination Region.
struct LambdaInferenceProfilePattern {
    let context: SynthesisContext
    let properties: LambdaInferenceProfileProperties

    static let logRetentionDays = 365

    func build() throws -> SynthesizedTemplate {
        let profile = try self.profile()
        // Another app's profile ARN imported from its stack: that stack goes first, and the
        // ARN is its output already.
        let imported = profile.arn["Fn::ImportValue"] != nil
        var metadata: [String: TemplateValue] = [:]
        if let name = properties.inferenceProfileApp, imported {
            metadata["deployAfter"] = [.string("\(name) in \(context.region): this stack imports its profile ARN")]
        }
        var template = context.template(summary: profile.summary, resolution: profile.resolution, metadata: metadata)
        if properties.inferenceProfileApp == nil {
            let props = properties.inferenceProfileProps
            ProfileResource.add(to: &template, context: context, name: props?.inferenceProfileName,
                                description: props?.description, copyFrom: profile.resolution.modelSourceArn,
                                tags: props?.tags)
            template.output("InferenceProfileId", ProfileResource.id, description: "The application inference profile's id")
        }
        let invoke = InvokeStatements.statements(profileArn: profile.arn, resolution: profile.resolution)
        if let existingRole = properties.existingLambdaRoleArn, properties.existingLambdaArn != nil {
            addGrantToExistingFunction(roleArn: existingRole, statements: invoke, template: &template)
        } else {
            addFunction(statements: invoke, resolution: profile.resolution, profileArn: profile.arn, template: &template)
        }
        if !imported {
            template.output("InferenceProfileArn", profile.arn, description: "The application inference profile's ARN")
        }
        return context.result(template, dependencies: profile.dependencies, resolution: profile.resolution)
    }

    /// The profile the function calls through: one this template creates, or the profile of
    /// the `inferenceProfileApp` (its ARN imported from that app's stack, or given when the
    /// profile was made elsewhere).
    private func profile() throws -> (resolution: Resolution, arn: TemplateValue, summary: String,
                                      dependencies: TemplateDependencies) {
        guard let name = properties.inferenceProfileApp else {
            let crossRegion = properties.deployCrossRegionProfile ?? true
            let resolution = try context.resolver.resolve(
                modelId: properties.bedrockModelId, region: context.region, crossRegion: crossRegion)
            let source = resolution.profileId ?? "the model in \(context.region)"
            return (resolution, ProfileResource.arn,
                    "Lambda function calling \(resolution.modelId) through an application inference profile copied from \(source)",
                    TemplateDependencies(resolution))
        }
        guard let app = context.apps[name], case let .applicationInferenceProfile(shared) = app.properties else {
            throw AppError.unknownApp(name: name, suggestions: Suggestions.closest(to: name, in: context.apps.keys))
        }
        let resolution = try (shared.modelSource ?? .init()).resolution(in: context.region, resolver: context.resolver)
        let arn: TemplateValue = shared.existingProfileArn.map { .string($0) }
            ?? .importValue(ApplicationInferenceProfileProperties.exportName(app: name))
        var dependencies = TemplateDependencies(resolution)
        dependencies.apps = [name]
        return (resolution, arn,
                "Lambda function calling \(resolution.modelId) through the application inference profile of app \(name)",
                dependencies)
    }

    /// An existing function: only a policy on its role; it must read the profile ARN from the
    /// stack's output, since this template cannot set its environment.
    private func addGrantToExistingFunction(roleArn: String, statements: [TemplateValue], template: inout TemplateBuilder) {
        template.resource("InvokePolicy", "AWS::IAM::Policy", [
            "PolicyName": .string("\(context.spec.name)-\(context.region)-bedrock-invoke"),
            "Roles": [.string(ARN.roleName(roleArn) ?? roleArn)],
            "PolicyDocument": InvokeStatements.document(statements),
        ])
    }

    private func addFunction(
        statements: [TemplateValue], resolution: Resolution, profileArn: TemplateValue, template: inout TemplateBuilder
    ) {
        let props = properties.lambdaFunctionProps ?? LambdaInferenceProfileProperties.LambdaFunctionProps()
        let functionName = context.spec.name
        let runtime = props.runtime ?? LambdaRuntimes.defaultRuntime
        var network: VpcResources?
        if properties.deployVpc == true {
            network = VpcResources.new(properties.vpcProps, context: context, template: &template)
        } else if let vpc = properties.existingVpc {
            network = VpcResources.existing(vpc, context: context, template: &template)
        }

        template.resource("FunctionLogGroup", "AWS::Logs::LogGroup", [
            "LogGroupName": .string("/aws/lambda/\(functionName)"),
            "RetentionInDays": .number(Self.logRetentionDays),
            "Tags": context.tags(),
        ], keepOnDelete: true)
        template.resource("FunctionRole", "AWS::IAM::Role", [
            "Description": .string("deploycat \(context.spec.name) in \(context.region): invokes \(resolution.modelId)"),
            "AssumeRolePolicyDocument": InvokeStatements.document([[
                "Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole",
            ]]),
            "Policies": .array(rolePolicies(invoke: statements, network: network)),
            "Tags": context.tags(),
        ], metadata: ["deploycat": ["wildcardResources": .object(wildcardReasons(network: network))]])

        var variables: [String: TemplateValue] = (props.environment ?? [:]).mapValues { .string($0) }
        variables[properties.foundationModelEnvironmentVariableName ?? LambdaVariables.model] = .string(resolution.modelId)
        variables[properties.inferenceProfileEnvironmentVariableName ?? LambdaVariables.profile] = profileArn
        if LambdaRuntimes.isNodeJS(runtime) { variables["AWS_NODEJS_CONNECTION_REUSE_ENABLED"] = "1" }

        var function: [String: TemplateValue] = [
            "FunctionName": .string(functionName),
            "Description": .string("deploycat \(context.spec.name): calls \(resolution.modelId) through its inference profile"),
            "Runtime": .string(runtime),
            "Handler": .string(props.handler ?? "index.handler"),
            "Code": code(props.code),
            "Role": .getAtt("FunctionRole", "Arn"),
            "MemorySize": .number(props.memorySize ?? 256),
            "Timeout": .number(props.timeout ?? 30),
            "Architectures": [.string(props.architecture ?? "x86_64")],
            "Environment": ["Variables": .object(variables)],
            "TracingConfig": ["Mode": "Active"],
            "LoggingConfig": ["LogGroup": .ref("FunctionLogGroup")],
            "Tags": context.tags(),
        ]
        if let reserved = props.reservedConcurrentExecutions {
            function["ReservedConcurrentExecutions"] = .number(reserved)
        }
        if let network {
            function["VpcConfig"] = ["SubnetIds": .array(network.subnetIds),
                                     "SecurityGroupIds": .array(network.functionSecurityGroups)]
            template.output("VpcId", network.vpcId, description: "The VPC the function runs in")
        }
        template.resource("Function", "AWS::Lambda::Function", function)
        template.output("FunctionArn", .getAtt("Function", "Arn"), description: "The function's ARN")
        template.output("FunctionName", .ref("Function"), description: "The function's name")
    }

    private func code(_ code: LambdaInferenceProfileProperties.FunctionCode?) -> TemplateValue {
        if let bucket = code?.s3Bucket, let key = code?.s3Key {
            return ["S3Bucket": .string(bucket), "S3Key": .string(key)]
        }
        return ["ZipFile": .string(code?.inline ?? "")]
    }

    private func rolePolicies(invoke: [TemplateValue], network: VpcResources?) -> [TemplateValue] {
        var policies: [TemplateValue] = [
            ["PolicyName": "bedrock-invoke", "PolicyDocument": InvokeStatements.document(invoke)],
            ["PolicyName": "logs", "PolicyDocument": InvokeStatements.document([[
                "Sid": "WriteOwnLogGroup", "Effect": "Allow",
                "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                "Resource": [.getAtt("FunctionLogGroup", "Arn")],
            ]])],
            ["PolicyName": "xray", "PolicyDocument": InvokeStatements.document([[
                "Sid": "SendTraces", "Effect": "Allow",
                "Action": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
                "Resource": "*",
            ]])],
        ]
        if let network {
            let eni: TemplateValue = ArnValue.ec2("network-interface/*")
            let groups: [TemplateValue] = network.functionSecurityGroups.map { group in
                if case let .string(id) = group {
                    return ArnValue.ec2("security-group/\(id)")
                }
                return ArnValue.ec2("security-group/${FunctionSecurityGroup.GroupId}")
            }
            policies.append(["PolicyName": "vpc-network-interfaces", "PolicyDocument": InvokeStatements.document([
                ["Sid": "CreateInterfacesInOwnSubnets", "Effect": "Allow", "Action": ["ec2:CreateNetworkInterface"],
                 "Resource": .array([eni] + network.subnetArns + groups)],
                ["Sid": "ManageOwnInterfaces", "Effect": "Allow",
                 "Action": ["ec2:AssignPrivateIpAddresses", "ec2:DeleteNetworkInterface", "ec2:UnassignPrivateIpAddresses"],
                 "Resource": [eni]],
                ["Sid": "DescribeNetwork", "Effect": "Allow",
                 "Action": ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"], "Resource": "*"],
            ])])
        }
        return policies
    }

    /// Why each `*` resource in the role is there: AWS offers nothing narrower for these actions.
    private func wildcardReasons(network: VpcResources?) -> [String: TemplateValue] {
        var reasons: [String: TemplateValue] = [
            "xray:PutTraceSegments": "X-Ray has no resource-level permissions: AWS accepts only *",
            "xray:PutTelemetryRecords": "X-Ray has no resource-level permissions: AWS accepts only *",
        ]
        if network != nil {
            reasons["ec2:DescribeNetworkInterfaces"] = "EC2 Describe actions have no resource-level permissions: AWS accepts only *"
            reasons["ec2:DescribeSubnets"] = "EC2 Describe actions have no resource-level permissions: AWS accepts only *"
        }
        return reasons
    }
}
