/// Properties of `bedrock-batch-stepfn`, after the BedrockBatchSfn construct: a Step Functions
/// workflow that runs one Bedrock batch inference job per manifest in S3 and waits for each.
public struct BedrockBatchProperties: DeploymentPattern {
    public static let kind = PatternKind.bedrockBatchStepfn
    public static let runsBatchJobs = true

    /// A catalog model, run in the Region alone, or a system-defined cross-Region profile id
    /// (`us.amazon.nova-pro-v1:0`). Read from `modelId`.
    public var model: String
    /// Existing buckets; the template creates one bucket for whichever is left out.
    public var inputBucket: String?
    public var outputBucket: String?
    /// How long a job may run, such as `48h` or `2d`: 24 to 168 hours.
    public var timeout: String?
    /// A managed policy the jobs' service role gets too (such as one reading a KMS key of the buckets).
    public var batchPolicyArn: String?
    /// What every job name starts with; default: the app's name.
    public var jobNamePrefix: String?
    /// How many of a run's jobs may be in progress at once (Bedrock limits jobs per model).
    public var maxConcurrentJobs: Int?

    enum CodingKeys: String, CodingKey {
        case model = "modelId", inputBucket, outputBucket, timeout, batchPolicyArn, jobNamePrefix, maxConcurrentJobs
    }

    public init(model: String) {
        self.model = model
    }

    public static let defaultTimeoutHours = 48
    public static let timeoutHours = 24...168
    public static let defaultMaxConcurrentJobs = 5
    /// Job names are 1 to 63 characters; the workflow adds a run's name, the manifest's index
    /// and a request id after the prefix.
    public static let maxJobNamePrefix = 32
    public static let jobNameRule = "letters, digits, -, + and ., starting with a letter or digit (Bedrock's job "
        + "names allow no _ or spaces)"

    /// The system-defined profile `model` names, split into geography and model, or `nil` for a model id.
    public var profile: (geography: String, modelId: String)? { Identifiers.splitProfileId(model) }

    /// The foundation model, whether named directly or through a profile.
    public var modelId: String? { profile?.modelId ?? model }

    public var attachedArns: [(field: String, arn: String?)] {
        // AWS managed policies belong to the `aws` account, not the stack's.
        [("properties.batchPolicyArn", batchPolicyArn.flatMap { ARN.parts($0)?.account == "aws" ? nil : $0 })]
    }

    /// The timeout in hours, or `nil` when `timeout` is not `<N>h` or `<N>d`.
    public var hours: Int? {
        guard let text = timeout else { return Self.defaultTimeoutHours }
        guard let unit = text.last, let count = Int(text.dropLast()), count > 0, !text.hasPrefix("+") else { return nil }
        switch unit {
        case "h": return count
        case "d": return count.multipliedReportingOverflow(by: 24).overflow ? nil : count * 24
        default: return nil
        }
    }

    /// Through the named profile, or to the model in the Region alone; a model whose batch
    /// support the catalog does not state gets a warning.
    public func resolve(in region: String, resolver: InvocationResolver, apps: [String: AppSpec]) throws -> Resolution? {
        var resolution = if let profile {
            try resolver.resolve(modelId: profile.modelId, region: region, crossRegion: true, geography: profile.geography)
        } else {
            try resolver.resolve(modelId: model, region: region, crossRegion: false)
        }
        if try resolver.model(resolution.modelId).batch == nil {
            resolution.warnings.append("the catalog does not say whether \(resolution.modelId) takes batch inference jobs; "
                + "Bedrock may refuse them (set batch for it with `deploycat catalog apply`)")
        }
        return resolution
    }

    // MARK: - Rules

    public func check(_ check: inout PatternCheck) {
        let at = "properties"
        if let found = catalogModel(&check) {
            if found.batch == false {
                check.issues.add("\(at).modelId", "model \(quoted(found.id)) does not take batch inference jobs, as the "
                    + "catalog says (`deploycat catalog model \(found.id)`)")
            } else {
                resolveRegions(&check)
            }
        }
        for (field, bucket) in [("inputBucket", inputBucket), ("outputBucket", outputBucket)] {
            if let bucket, !S3Object.isBucketName(bucket) {
                check.issues.add("\(at).\(field)", "\(quoted(bucket)) is not an S3 bucket name: \(S3Object.bucketRule)")
            }
        }
        if let hours {
            if !Self.timeoutHours.contains(hours) {
                check.issues.add("\(at).timeout", "is \(hours) hours; a batch job may run 24 to 168 hours")
            }
        } else {
            check.issues.add("\(at).timeout", "\(quoted(timeout ?? "")) is not a duration such as \"48h\" or \"2d\"")
        }
        if let arn = batchPolicyArn, !isPolicyArn(arn) {
            check.issues.add("\(at).batchPolicyArn", "\(quoted(arn)) is not a managed policy ARN such as "
                + "\"arn:aws:iam::123456789012:policy/batch-inputs\"")
        }
        if let prefix = jobNamePrefix {
            let valid = prefix.first.map { $0.isASCII && ($0.isLetter || $0.isNumber) } == true
                && prefix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-+.".contains($0)) }
            if !valid || prefix.isEmpty || prefix.count > Self.maxJobNamePrefix {
                check.issues.add("\(at).jobNamePrefix", "\(quoted(prefix)) is not a job name prefix: 1 to "
                    + "\(Self.maxJobNamePrefix) \(Self.jobNameRule)")
            }
        }
        if let jobs = maxConcurrentJobs, !(1...50).contains(jobs) {
            check.issues.add("\(at).maxConcurrentJobs", "\(jobs) is outside 1 to 50")
        }
    }

    /// Resolves each Region; one that cannot be served is a problem of `modelId`, since that is
    /// where a profile id (rather than a model id) goes.
    private func resolveRegions(_ check: inout PatternCheck) {
        for region in check.regions {
            do {
                if let resolution = try resolve(in: region.code, resolver: check.resolver, apps: check.apps) {
                    check.resolutions[region.code] = resolution
                }
            } catch let CatalogError.onlyThroughProfiles(modelId, code, profiles),
                    let CatalogError.notOnDemandInRegion(modelId, code, _, profiles) {
                check.issues.add("properties.modelId", "model \(quoted(modelId)) is not offered on demand in \(quoted(code)), "
                    + "so its batch jobs there go through a cross-Region profile: "
                    + (profiles.isEmpty ? "none is callable from \(code)" : "name one as modelId: " + profiles.joined(separator: ", ")))
            } catch {
                // One profile id serves one geography's Regions.
                let hint = profile != nil && check.regions.count > 1
                    ? "; modelId names one profile for all the app's Regions: make one app per geography" : ""
                check.issues.add("properties.modelId", "in \(quoted(region.code)): \(error)" + hint)
            }
        }
    }

    /// The catalog model, through the profile when `modelId` names one.
    private func catalogModel(_ check: inout PatternCheck) -> FoundationModel? {
        if let profile, check.catalog.profiles[model] != nil || check.catalog.geographies[profile.geography] != nil {
            if check.catalog.profiles[model] == nil {
                check.issues.add("properties.modelId", "\(quoted(model)) is not a system-defined profile of the catalog; "
                    + "`deploycat catalog profiles --model \(profile.modelId)` lists that model's profiles")
                return nil
            }
            return check.model(profile.modelId, at: "properties.modelId")
        }
        return check.model(model, at: "properties.modelId")
    }

    private func isPolicyArn(_ arn: String) -> Bool {
        guard let parts = ARN.parts(arn), parts.service == "iam", parts.region.isEmpty,
              parts.account == "aws" || Identifiers.isAccountId(parts.account) else { return false }
        return parts.resource.hasPrefix("policy/") && parts.resource.count > "policy/".count
    }
}
