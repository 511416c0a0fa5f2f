import CatalogModel

/// A SageMaker real-time endpoint made from one container: the execution role (unless one is
/// given) with exactly what the model needs, the KMS key for its storage (unless one is given,
/// or the instances encrypt local storage themselves), its log group, the model, the endpoint
/// configuration and the endpoint.
struct SageMakerEndpointResources {
    static let logRetentionDays = 365

    let deployment: LambdaSageMakerEndpointProperties.Deployment
    let endpointName: String
    let config: LambdaSageMakerEndpointProperties.EndpointConfigProps?
    let executionRoleArn: String?
    /// The network the model runs in, when the function runs in a VPC.
    let network: VpcResources?
    /// Whether the container is cut off from the network (SageMaker still fetches its image and artifact).
    let networkIsolation: Bool

    /// The endpoint's ARN (`Ref` of an endpoint is its ARN).
    static let arn: TemplateValue = .ref("Endpoint")

    func add(to template: inout TemplateBuilder, context: SynthesisContext) {
        let role: TemplateValue = executionRoleArn.map { .string($0) } ?? .getAtt("SageMakerRole", "Arn")
        let key = storageKey(role: role, context: context, template: &template)
        LogEncryptionKey.addLogGroup("EndpointLogGroup", name: logGroupName, retentionDays: Self.logRetentionDays,
                                     context: context, template: &template)
        let groups = network.map { modelSecurityGroups($0, context: context, template: &template) }
        if executionRoleArn == nil { addRole(key: key, groups: groups ?? [], context: context, template: &template) }

        var container: TemplateObject = ["Image": .string(deployment.container.image)]
        if let url = deployment.container.modelDataUrl { container["ModelDataUrl"] = .string(url) }
        if let environment = deployment.container.environment, !environment.isEmpty {
            container["Environment"] = .object(TemplateObject(environment.mapValues(TemplateValue.string)))
        }
        var model: TemplateObject = [
            "ExecutionRoleArn": role,
            "PrimaryContainer": .object(container),
            "EnableNetworkIsolation": .bool(networkIsolation),
            "Tags": context.tags(),
        ]
        if let network, let groups {
            model["VpcConfig"] = ["Subnets": .array(network.subnetIds), "SecurityGroupIds": .array(groups)]
        }
        template.resource("Model", "AWS::SageMaker::Model", model, checkov: networkIsolation ? [] : [CheckovSkip(
            "CKV_AWS_370", "The spec turns network isolation off (modelProps.enableNetworkIsolation: false): the "
                + "container makes network calls of its own")])

        var endpointConfig: TemplateObject = [
            "ProductionVariants": [[
                "ModelName": .getAtt("Model", "ModelName"),
                "VariantName": .string(config?.variantName ?? LambdaSageMakerEndpointProperties.defaultVariantName),
                "InstanceType": .string(deployment.instanceType),
                "InitialInstanceCount": .number(config?.initialInstanceCount ?? 1),
                "InitialVariantWeight": .decimal(1),
            ]],
            "Tags": context.tags(),
        ]
        var configMetadata: TemplateObject?
        if let key {
            endpointConfig["KmsKeyId"] = key
        } else {
            configMetadata = ["deploycat": ["storageEncryption": .string("\(deployment.instanceType) instances keep "
                + "their storage on local NVMe volumes that they encrypt themselves; SageMaker takes no KMS key for them")]]
        }
        template.resource("EndpointConfig", "AWS::SageMaker::EndpointConfig", endpointConfig, metadata: configMetadata)
        // The instances download the artifact as the endpoint is created, through the S3 gateway
        // endpoint, and log into the group from the start: SageMaker would otherwise make the group itself.
        template.resource("Endpoint", "AWS::SageMaker::Endpoint", [
            "EndpointName": .string(endpointName),
            "EndpointConfigName": .getAtt("EndpointConfig", "EndpointConfigName"),
            "Tags": context.tags(),
        ], dependsOn: ["EndpointLogGroup"] + (network?.gatewayEndpointIds ?? []))
        template.output("ModelName", .getAtt("Model", "ModelName"), description: "The SageMaker model's name")
        if executionRoleArn == nil {
            template.output("SageMakerRoleArn", .getAtt("SageMakerRole", "Arn"), description: "The role SageMaker runs the model with")
        }
    }

    /// The model's own security group, which reaches S3 through the gateway endpoint's routes
    /// (the function's group reaches only the interface endpoints); or the groups an existing
    /// VPC names for both.
    private func modelSecurityGroups(
        _ network: VpcResources, context: SynthesisContext, template: inout TemplateBuilder
    ) -> [TemplateValue] {
        guard network.functionSecurityGroups == [.ref("FunctionSecurityGroup")] else { return network.functionSecurityGroups }
        template.resource("ModelSecurityGroup", "AWS::EC2::SecurityGroup", [
            "GroupDescription": .string("deploycat \(context.spec.name): the SageMaker model; HTTPS out to S3 through the "
                + "gateway endpoint only"),
            "VpcId": network.vpcId,
            "SecurityGroupEgress": [[
                "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0",
                "Description": "HTTPS to S3 through the gateway endpoint: the subnets' route tables decide where 443 leads",
            ]],
            "Tags": context.tags(),
        ])
        return [.ref("ModelSecurityGroup")]
    }

    /// Where SageMaker writes the endpoint's container logs.
    private var logGroupName: String { "/aws/sagemaker/Endpoints/\(endpointName)" }

    /// The key for the endpoint's storage: `kmsKeyArn`, or a key of this stack with rotation whose
    /// policy lets the account administer it and the execution role use it. `nil` when the
    /// instances encrypt local storage themselves.
    private func storageKey(role: TemplateValue, context: SynthesisContext, template: inout TemplateBuilder) -> TemplateValue? {
        guard deployment.takesStorageKey else { return nil }
        if let arn = config?.kmsKeyArn { return .string(arn) }
        template.resource("EndpointKey", "AWS::KMS::Key", [
            "Description": .string("deploycat \(context.spec.name) in \(context.region): the SageMaker endpoint's storage"),
            "EnableKeyRotation": true,
            "KeyPolicy": InvokeStatements.document([
                ["Sid": "AccountAdministersKey", "Effect": "Allow",
                 "Principal": ["AWS": .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")],
                 "Action": "kms:*", "Resource": "*"],
            ] + Self.keyUse(resource: "*", principal: role)),
            "Tags": context.tags(),
        ], metadata: ["deploycat": ["wildcardResources": [
            "KeyPolicy": "In a key policy, Resource * means this key and no other",
        ]]], keepOnDelete: true)
        return .getAtt("EndpointKey", "Arn")
    }

    /// What the execution role may do with the storage key, in the key's policy (with `principal`)
    /// or the role's: use it, and grant it only to the AWS resources (the volumes) that encrypt with it.
    private static func keyUse(resource: TemplateValue, principal: TemplateValue? = nil) -> [TemplateValue] {
        var statements: [TemplateObject] = [
            ["Sid": "UseStorageKey", "Effect": "Allow", "Resource": resource,
             "Action": ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"]],
            ["Sid": "GrantStorageKeyToVolumes", "Effect": "Allow", "Resource": resource, "Action": ["kms:CreateGrant"],
             "Condition": ["Bool": ["kms:GrantIsForAWSResource": "true"]]],
        ]
        if let principal { statements = statements.map { $0.merging(["Principal": ["AWS": principal]]) } }
        return statements.map { .object($0) }
    }

    /// The execution role: the model artifact object, the image's repository, the endpoint's
    /// log group, SageMaker's metrics and, in a VPC, network interfaces; a key given as
    /// `kmsKeyArn` too (the stack's own key grants the role in its key policy).
    private func addRole(key: TemplateValue?, groups: [TemplateValue], context: SynthesisContext, template: inout TemplateBuilder) {
        var statements: [TemplateValue] = []
        if let url = deployment.container.modelDataUrl, let object = S3Object(url) {
            statements.append(["Sid": "ReadModelArtifact", "Effect": "Allow", "Action": ["s3:GetObject"],
                               "Resource": [.sub("arn:${AWS::Partition}:s3:::\(object.bucket)/\(ArnValue.literal(object.key))")]])
        }
        if let image = ContainerImage(deployment.container.image) {
            statements.append(["Sid": "PullModelImage", "Effect": "Allow",
                               "Action": ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                               "Resource": [ArnValue.of(image.repositoryArn(partition: "aws"))]])
        }
        statements.append(["Sid": "AuthenticateToRegistry", "Effect": "Allow", "Action": ["ecr:GetAuthorizationToken"],
                           "Resource": "*"])
        let logGroup = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:\(logGroupName)"
        statements.append(["Sid": "WriteEndpointLogs", "Effect": "Allow",
                           "Action": .strings(Self.logActions),
                           "Resource": [.sub(logGroup), .sub(logGroup + ":*")]])
        statements.append(["Sid": "PublishSageMakerMetrics", "Effect": "Allow", "Action": ["cloudwatch:PutMetricData"],
                           "Resource": "*",
                           "Condition": ["StringLike": ["cloudwatch:namespace": ["/aws/sagemaker/*", "AWS/SageMaker*"]]]])
        if let arn = config?.kmsKeyArn, key != nil { statements += Self.keyUse(resource: [.string(arn)]) }
        var policies: [TemplateValue] = [["PolicyName": "sagemaker-model", "PolicyDocument": InvokeStatements.document(statements)]]
        var reasons: TemplateObject = [
            "ecr:GetAuthorizationToken": "ECR issues registry tokens for the whole registry: AWS accepts only *",
            "cloudwatch:PutMetricData": .string("CloudWatch metrics have no resource-level permissions: AWS accepts only *, "
                + "limited here to SageMaker's namespaces"),
        ]
        for action in Self.logActions {
            reasons[action] = "SageMaker names the log streams: the endpoint's own log group and its streams (NAME:*) only"
        }
        if let network {
            policies.append(network.interfacePolicy(Self.interfaceRights, groups: groups))
            reasons.merge(Self.interfaceRights.wildcardReasons)
        }
        template.resource("SageMakerRole", "AWS::IAM::Role", [
            "Description": .string("deploycat \(context.spec.name) in \(context.region): SageMaker runs the model"),
            "AssumeRolePolicyDocument": InvokeStatements.document([[
                "Effect": "Allow", "Principal": ["Service": "sagemaker.amazonaws.com"], "Action": "sts:AssumeRole",
            ]]),
            "Policies": .array(policies),
            "Tags": context.tags(),
        ], metadata: ["deploycat": ["wildcardResources": .object(reasons)]])
    }

    /// What SageMaker does in the endpoint's log group.
    private static let logActions = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]

    /// What SageMaker does with network interfaces when it runs a model in a VPC.
    private static let interfaceRights = VpcResources.InterfaceRights(
        create: ["ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission"],
        manage: ["ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission"],
        describe: ["ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups",
                   "ec2:DescribeSubnets", "ec2:DescribeVpcs"])
}
