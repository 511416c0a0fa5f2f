/// The rules of `lambda-bedrock-inference-profile` properties.
struct LambdaPropertiesRules {
    let catalog: CatalogSnapshot
    let apps: [String: AppSpec]

    /// Inline code larger than this belongs in S3: templates sent straight to CloudFormation
    /// are limited to 51,200 bytes.
    static let maxInlineCode = 32 * 1024
    /// Variables Lambda sets itself and refuses in a function's environment.
    static let reservedVariables: Set<String> = [
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    ]

    func check(_ p: LambdaInferenceProfileProperties, regions: [(index: Int, code: String)], _ issues: inout IssueCollector) {
        let at = "properties"
        if let model = issues.model(p.bedrockModelId, at: "\(at).bedrockModelId", in: catalog) {
            if let name = p.inferenceProfileApp {
                checkProfileApp(name, model: model, p, regions: regions, &issues)
            } else {
                issues.resolve(model, in: regions, crossRegion: p.deployCrossRegionProfile ?? true, geography: nil,
                               catalog: catalog)
            }
        }
        if let props = p.inferenceProfileProps {
            issues.checkProfileName(props.inferenceProfileName, at: "\(at).inferenceProfileProps.inferenceProfileName")
            issues.checkProfileDescription(props.description, at: "\(at).inferenceProfileProps.description")
        }
        checkFunction(p, regions: regions, &issues)
        checkVpc(p, &issues)
    }

    /// The named app must be an `application-inference-profile` app for the same model in every
    /// Region of this one; its profile then replaces the one this app would create.
    private func checkProfileApp(
        _ name: String, model: FoundationModel, _ p: LambdaInferenceProfileProperties,
        regions: [(index: Int, code: String)], _ issues: inout IssueCollector
    ) {
        let at = "properties.inferenceProfileApp"
        guard let profileApp = apps[name] else {
            issues.add(at, AppError.unknownApp(name: name, suggestions: Suggestions.closest(to: name, in: apps.keys)).description)
            return
        }
        guard case let .applicationInferenceProfile(profile) = profileApp.properties else {
            issues.add(at, "app \(quoted(name)) uses pattern \(profileApp.pattern.rawValue); name an "
                + "\(PatternKind.applicationInferenceProfile.rawValue) app")
            return
        }
        if let profileModel = profile.modelSource?.modelId, profileModel != model.id {
            issues.add("properties.bedrockModelId", "app \(quoted(name))'s profile routes to \(quoted(profileModel)), "
                + "not \(quoted(model.id))")
        }
        for region in regions where !profileApp.regions.contains(region.code) {
            issues.add("regions[\(region.index)]", "app \(quoted(name)) has no profile in \(quoted(region.code)); its "
                + "Regions: \(profileApp.regions.joined(separator: ", "))")
        }
        let theirs = "the profile of app \(quoted(name)) is used as it is"
        issues.conflict(p.inferenceProfileProps != nil, "properties.inferenceProfileProps", "does not apply: \(theirs)")
        issues.conflict(p.deployCrossRegionProfile != nil, "properties.deployCrossRegionProfile",
                        "does not apply: \(theirs), routing as its modelSource says")
    }

    private func checkFunction(
        _ p: LambdaInferenceProfileProperties, regions: [(index: Int, code: String)], _ issues: inout IssueCollector
    ) {
        let at = "properties"
        switch (p.lambdaFunctionProps, p.existingLambdaArn) {
        case (_?, _?):
            issues.add("\(at).existingLambdaArn", "give either lambdaFunctionProps (deploycat creates the function) or "
                + "existingLambdaArn (an existing function gets the rights), not both")
        case (nil, nil):
            issues.add(at, "give lambdaFunctionProps (deploycat creates the function) or existingLambdaArn with "
                + "existingLambdaRoleArn (an existing function's role gets the rights)")
        case let (nil, arn?):
            checkExistingFunction(arn, p, regions: regions, &issues)
        case let (props?, nil):
            checkFunctionProps(props, p, &issues)
            issues.conflict(p.existingLambdaRoleArn != nil, "\(at).existingLambdaRoleArn",
                            "applies only with existingLambdaArn; deploycat creates the role of the function it creates")
        }
    }

    private func checkExistingFunction(
        _ arn: String, _ p: LambdaInferenceProfileProperties, regions: [(index: Int, code: String)],
        _ issues: inout IssueCollector
    ) {
        let at = "properties"
        if let function = ARN.lambdaFunction(arn) {
            if regions.map(\.code) != [function.region] {
                issues.add("regions", "the existing function is in \(quoted(function.region)), so regions must be "
                    + "[\(function.region)]")
            }
        } else {
            issues.add("\(at).existingLambdaArn", "\(quoted(arn)) is not a Lambda function ARN such as "
                + "\"arn:aws:lambda:us-east-1:123456789012:function:my-function\"")
        }
        if let role = p.existingLambdaRoleArn {
            if ARN.roleName(role) == nil {
                issues.add("\(at).existingLambdaRoleArn", "\(quoted(role)) is not an IAM role ARN such as "
                    + "\"arn:aws:iam::123456789012:role/my-function-role\"")
            }
        } else {
            issues.add("\(at).existingLambdaRoleArn", "is required with existingLambdaArn: the grant is attached to "
                + "the function's role")
        }
        let createOnly = "applies only to a function deploycat creates, not to existingLambdaArn"
        issues.conflict(p.deployVpc == true, "\(at).deployVpc", createOnly)
        issues.conflict(p.existingVpc != nil, "\(at).existingVpc", createOnly)
        issues.conflict(p.foundationModelEnvironmentVariableName != nil, "\(at).foundationModelEnvironmentVariableName",
                        createOnly)
        issues.conflict(p.inferenceProfileEnvironmentVariableName != nil,
                        "\(at).inferenceProfileEnvironmentVariableName", createOnly)
    }

    private func checkFunctionProps(
        _ props: LambdaInferenceProfileProperties.LambdaFunctionProps, _ p: LambdaInferenceProfileProperties,
        _ issues: inout IssueCollector
    ) {
        let at = "properties.lambdaFunctionProps"
        let runtime = props.runtime ?? LambdaRuntimes.defaultRuntime
        if !LambdaRuntimes.supported.contains(runtime) {
            issues.add("\(at).runtime", "\(quoted(runtime)) is not a supported Lambda runtime; use one of "
                + LambdaRuntimes.supported.joined(separator: ", "))
        }
        if let handler = props.handler {
            issues.checkText(handler, at: "\(at).handler")
        } else {
            issues.add("\(at).handler", "is required, such as \"index.handler\"")
        }
        switch (props.code?.inline, props.code?.s3Bucket, props.code?.s3Key) {
        case (nil, nil, nil):
            issues.add("\(at).code", "is required: { inline: SOURCE } or { s3Bucket: BUCKET, s3Key: KEY }")
        case let (inline?, nil, nil):
            if inline.utf8.count > Self.maxInlineCode {
                issues.add("\(at).code.inline", "is \(inline.utf8.count) bytes; inline code may be at most "
                    + "\(Self.maxInlineCode) bytes: put larger code in S3 (s3Bucket, s3Key)")
            }
            if !LambdaRuntimes.acceptsInlineCode(runtime) {
                issues.add("\(at).code.inline", "inline code works only with Node.js and Python runtimes; put "
                    + "\(runtime) code in S3 (s3Bucket, s3Key)")
            }
        case let (nil, bucket?, key?):
            if !isBucketName(bucket) { issues.add("\(at).code.s3Bucket", "\(quoted(bucket)) is not an S3 bucket name") }
            if key.isEmpty || key.utf8.count > 1024 { issues.add("\(at).code.s3Key", "must be 1 to 1024 bytes") }
        default:
            issues.add("\(at).code", "give either inline, or s3Bucket with s3Key")
        }
        if let memory = props.memorySize, !(128...10240).contains(memory) {
            issues.add("\(at).memorySize", "\(memory) is outside 128 to 10240 (MB)")
        }
        if let timeout = props.timeout, !(1...900).contains(timeout) {
            issues.add("\(at).timeout", "\(timeout) is outside 1 to 900 (seconds)")
        }
        if let architecture = props.architecture, !LambdaRuntimes.architectures.contains(architecture) {
            issues.add("\(at).architecture", "\(quoted(architecture)) is not one of "
                + LambdaRuntimes.architectures.joined(separator: ", "))
        }
        if let reserved = props.reservedConcurrentExecutions, reserved < 0 {
            issues.add("\(at).reservedConcurrentExecutions", "must be 0 or more")
        }
        let modelVariable = p.foundationModelEnvironmentVariableName ?? LambdaVariables.model
        let profileVariable = p.inferenceProfileEnvironmentVariableName ?? LambdaVariables.profile
        for (field, name) in [("foundationModelEnvironmentVariableName", modelVariable),
                              ("inferenceProfileEnvironmentVariableName", profileVariable)] {
            checkVariableName(name, at: "properties.\(field)", &issues)
        }
        if modelVariable == profileVariable {
            issues.add("properties.inferenceProfileEnvironmentVariableName",
                       "\(quoted(profileVariable)) is also the model's variable; give them different names")
        }
        for (name, value) in (props.environment ?? [:]).sorted(by: { $0.key < $1.key }) {
            checkVariableName(name, at: "\(at).environment.\(name)", &issues)
            if [modelVariable, profileVariable].contains(name) {
                issues.add("\(at).environment.\(name)", "deploycat sets \(name) to the model or profile; rename it")
            }
            if value.utf8.count > 4096 { issues.add("\(at).environment.\(name)", "the value is over 4 KB") }
        }
    }

    private func checkVpc(_ p: LambdaInferenceProfileProperties, _ issues: inout IssueCollector) {
        let at = "properties"
        if p.deployVpc == true && p.existingVpc != nil {
            issues.add("\(at).existingVpc", "give either deployVpc: true (deploycat creates a VPC) or existingVpc, not both")
        }
        if let props = p.vpcProps {
            issues.conflict(p.deployVpc != true, "\(at).vpcProps", "applies only with deployVpc: true")
            if let cidr = props.cidr, IPv4CIDR(cidr) == nil {
                issues.add("\(at).vpcProps.cidr", "\(quoted(cidr)) is not an IPv4 CIDR block from /16 to /24, "
                    + "such as \"10.0.0.0/16\"")
            }
            if let zones = props.maxAzs, !(1...6).contains(zones) {
                issues.add("\(at).vpcProps.maxAzs", "\(zones) is outside 1 to 6")
            }
        }
        if let vpc = p.existingVpc {
            if !isResourceId(vpc.vpcId, prefix: "vpc-") {
                issues.add("\(at).existingVpc.vpcId", "\(quoted(vpc.vpcId)) is not a VPC id such as \"vpc-0abc1234\"")
            }
            if vpc.subnetIds.isEmpty { issues.add("\(at).existingVpc.subnetIds", "name at least one subnet") }
            for (i, subnet) in vpc.subnetIds.enumerated() where !isResourceId(subnet, prefix: "subnet-") {
                issues.add("\(at).existingVpc.subnetIds[\(i)]", "\(quoted(subnet)) is not a subnet id")
            }
            for (i, group) in (vpc.securityGroupIds ?? []).enumerated() where !isResourceId(group, prefix: "sg-") {
                issues.add("\(at).existingVpc.securityGroupIds[\(i)]", "\(quoted(group)) is not a security group id")
            }
        }
    }

    private func checkVariableName(_ name: String, at field: String, _ issues: inout IssueCollector) {
        let valid = name.first.map { $0.isASCII && $0.isLetter } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        if !valid { issues.add(field, "\(quoted(name)) is not an environment variable name (a letter, then letters, digits or _)") }
        if Self.reservedVariables.contains(name) { issues.add(field, "\(name) is reserved by Lambda") }
    }

    private func isResourceId(_ value: String, prefix: String) -> Bool {
        let hex = value.dropFirst(prefix.count)
        return value.hasPrefix(prefix) && (8...17).contains(hex.count) && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    private func isBucketName(_ value: String) -> Bool {
        (3...63).contains(value.count) && value.allSatisfy { ($0 >= "a" && $0 <= "z") || $0.isNumber || $0 == "-" || $0 == "." }
    }
}

/// The environment variables a created function gets by default.
public enum LambdaVariables {
    public static let model = "BEDROCK_MODEL"
    public static let profile = "BEDROCK_PROFILE"
}
