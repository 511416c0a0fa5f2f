/// The Lambda function a pattern creates (`lambdaFunctionProps`) or grants rights to
/// (`existingLambdaArn`), and the rules for both.
public struct LambdaFunctionProps: Codable, Hashable, Sendable {
    public var runtime: String?
    public var handler: String?
    public var code: FunctionCode?
    public var memorySize: Int?
    public var timeout: Int?
    public var architecture: String?
    public var environment: [String: String]?
    public var reservedConcurrentExecutions: Int?

    public init(runtime: String? = nil, handler: String? = nil, code: FunctionCode? = nil) {
        self.runtime = runtime
        self.handler = handler
        self.code = code
    }
}

/// `{ inline: SOURCE }` or `{ s3Bucket: B, s3Key: K }`.
public struct FunctionCode: Codable, Hashable, Sendable {
    public var inline: String?
    public var s3Bucket: String?
    public var s3Key: String?

    public init(inline: String? = nil, s3Bucket: String? = nil, s3Key: String? = nil) {
        self.inline = inline
        self.s3Bucket = s3Bucket
        self.s3Key = s3Key
    }
}

enum LambdaFunctionRules {
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

    /// The environment variables a pattern sets in the function it creates: each with the
    /// field that names it and what it is, and what they carry together.
    struct OwnVariables {
        var names: [(field: String, name: String, role: String)]
        var purpose: String
    }

    /// The function a pattern's app calls from: one deploycat creates (`lambdaFunctionProps`)
    /// or an existing one whose role gets the rights (`existingLambdaArn` with
    /// `existingLambdaRoleArn`), never both.
    /// - Parameter createOnly: the pattern's fields that apply only to a function deploycat
    ///   creates, and whether each is given.
    static func checkChoice(
        props: LambdaFunctionProps?, existingArn: String?, existingRoleArn: String?, setByDeploycat own: OwnVariables,
        createOnly: [(field: String, given: Bool)], regions: [(index: Int, code: String)], _ issues: inout IssueCollector
    ) {
        let at = "properties"
        switch (props, existingArn) {
        case let (props?, _?):
            issues.add("\(at).existingLambdaArn", "give either lambdaFunctionProps (deploycat creates the "
                + "function) or existingLambdaArn (an existing function gets the rights), not both")
            // The function's own problems too, so keeping it needs no second run.
            check(props, at: "\(at).lambdaFunctionProps", setByDeploycat: own, &issues)
        case (nil, nil):
            issues.add(at, "give lambdaFunctionProps (deploycat creates the function) or existingLambdaArn "
                + "with existingLambdaRoleArn (an existing function's role gets the rights)")
        case let (nil, arn?):
            checkExisting(arn, roleArn: existingRoleArn, regions: regions, &issues)
            for (field, given) in createOnly {
                issues.conflict(given, field, "applies only to a function deploycat creates, not to existingLambdaArn")
            }
        case let (props?, nil):
            check(props, at: "\(at).lambdaFunctionProps", setByDeploycat: own, &issues)
            issues.conflict(existingRoleArn != nil, "\(at).existingLambdaRoleArn",
                            "applies only with existingLambdaArn; deploycat creates the role of the function it creates")
        }
    }

    /// The props of a function deploycat creates, at `at` (such as `properties.lambdaFunctionProps`).
    static func check(_ props: LambdaFunctionProps, at: String, setByDeploycat own: OwnVariables,
                      _ issues: inout IssueCollector) {
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
        checkCode(props.code, runtime: runtime, at: "\(at).code", &issues)
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
        for variable in own.names { checkVariableName(variable.name, at: variable.field, &issues) }
        for (index, variable) in own.names.enumerated() {
            if let earlier = own.names[..<index].first(where: { $0.name == variable.name }) {
                issues.add(variable.field, "\(quoted(variable.name)) is also \(earlier.role); give them different names")
            }
        }
        let ownNames = own.names.map(\.name)
        for (name, value) in (props.environment ?? [:]).sorted(by: { $0.key < $1.key }) {
            checkVariableName(name, at: "\(at).environment.\(name)", &issues)
            if ownNames.contains(name) {
                issues.add("\(at).environment.\(name)", "deploycat sets \(name) to \(own.purpose); rename it")
            }
            if value.utf8.count > 4096 { issues.add("\(at).environment.\(name)", "the value is over 4 KB") }
        }
    }

    private static func checkCode(_ code: FunctionCode?, runtime: String, at: String, _ issues: inout IssueCollector) {
        switch (code?.inline, code?.s3Bucket, code?.s3Key) {
        case (nil, nil, nil):
            issues.add(at, "is required: { inline: SOURCE } or { s3Bucket: BUCKET, s3Key: KEY }")
        case let (inline?, nil, nil):
            if inline.utf8.count > maxInlineCode {
                issues.add("\(at).inline", "is \(inline.utf8.count) bytes; inline code may be at most "
                    + "\(maxInlineCode) bytes: put larger code in S3 (s3Bucket, s3Key)")
            }
            if !LambdaRuntimes.acceptsInlineCode(runtime) {
                issues.add("\(at).inline", "inline code works only with Node.js and Python runtimes; put "
                    + "\(runtime) code in S3 (s3Bucket, s3Key)")
            }
        case let (nil, bucket?, key?):
            if !S3Object.isBucketName(bucket) {
                issues.add("\(at).s3Bucket", "\(quoted(bucket)) is not an S3 bucket name: \(S3Object.bucketRule)")
            }
            if key.isEmpty || key.utf8.count > 1024 { issues.add("\(at).s3Key", "must be 1 to 1024 bytes") }
        default:
            issues.add(at, "give either inline, or s3Bucket with s3Key")
        }
    }

    /// An existing function (`existingLambdaArn`) and its role: the stack can only attach a
    /// policy to the role, in the function's Region.
    private static func checkExisting(
        _ arn: String, roleArn: String?, regions: [(index: Int, code: String)], _ issues: inout IssueCollector
    ) {
        let at = "properties"
        if let function = ARN.lambdaFunction(arn) {
            issues.requireOnly(function.region, in: regions, for: "the existing function")
        } else {
            issues.add("\(at).existingLambdaArn", "\(quoted(arn)) is not a Lambda function ARN such as "
                + "\"arn:aws:lambda:us-east-1:123456789012:function:my-function\"")
        }
        if let role = roleArn {
            if ARN.roleName(role) == nil {
                issues.add("\(at).existingLambdaRoleArn", "\(quoted(role)) is not an IAM role ARN such as "
                    + "\"arn:aws:iam::123456789012:role/my-function-role\"")
            }
        } else {
            issues.add("\(at).existingLambdaRoleArn", "is required with existingLambdaArn: the grant is attached to "
                + "the function's role")
        }
    }

    static func checkVariableName(_ name: String, at field: String, _ issues: inout IssueCollector) {
        checkVariableShape(name, at: field, &issues)
        if reservedVariables.contains(name) { issues.add(field, "\(name) is reserved by Lambda") }
    }

    /// The shape of an environment variable's name, for any container.
    static func checkVariableShape(_ name: String, at field: String, _ issues: inout IssueCollector) {
        let valid = name.first.map { $0.isASCII && $0.isLetter } == true && name.count <= 1024
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        if !valid { issues.add(field, "\(quoted(name)) is not an environment variable name (a letter, then letters, digits or _)") }
    }
}
