/// How much an app calls its model each month in each of its Regions, for cost estimates:
/// requests for apps that call on demand, jobs of records for apps that run batch jobs.
public struct Usage: Codable, Hashable, Sendable {
    public var requestsPerMonth: Int?
    public var inputTokensPerRequest: Int?
    public var outputTokensPerRequest: Int?
    public var jobsPerMonth: Int?
    public var recordsPerJob: Int?
    public var inputTokensPerRecord: Int?
    public var outputTokensPerRecord: Int?

    public init(requestsPerMonth: Int, inputTokensPerRequest: Int, outputTokensPerRequest: Int) {
        self.requestsPerMonth = requestsPerMonth
        self.inputTokensPerRequest = inputTokensPerRequest
        self.outputTokensPerRequest = outputTokensPerRequest
    }

    public init(jobsPerMonth: Int, recordsPerJob: Int, inputTokensPerRecord: Int, outputTokensPerRecord: Int) {
        self.jobsPerMonth = jobsPerMonth
        self.recordsPerJob = recordsPerJob
        self.inputTokensPerRecord = inputTokensPerRecord
        self.outputTokensPerRecord = outputTokensPerRecord
    }

    public static let requestShape = "{ requestsPerMonth: N, inputTokensPerRequest: N, outputTokensPerRequest: N }"
    public static let batchShape = "{ jobsPerMonth: N, recordsPerJob: N, inputTokensPerRecord: N, outputTokensPerRecord: N }"

    /// Calls (requests, or records over all jobs) and tokens in one Region and month.
    public var monthlyCalls: Int { (requestsPerMonth ?? 0) + (jobsPerMonth ?? 0) * (recordsPerJob ?? 0) }
    public var inputTokensPerCall: Int { inputTokensPerRequest ?? inputTokensPerRecord ?? 0 }
    public var outputTokensPerCall: Int { outputTokensPerRequest ?? outputTokensPerRecord ?? 0 }

    /// Bounds far above any real app, so an estimate stays a sum of money.
    static let maxRequests = 10_000_000_000
    static let maxTokens = 10_000_000
    static let maxJobs = 1_000_000
    static let maxRecords = 10_000_000

    /// - Parameter batch: whether the app runs batch jobs, which take the batch fields and no others.
    func issues(at field: String, batch: Bool) -> [InputIssue] {
        let request: [(String, Int?, Int)] = [("requestsPerMonth", requestsPerMonth, Self.maxRequests),
                                               ("inputTokensPerRequest", inputTokensPerRequest, Self.maxTokens),
                                               ("outputTokensPerRequest", outputTokensPerRequest, Self.maxTokens)]
        let jobs: [(String, Int?, Int)] = [("jobsPerMonth", jobsPerMonth, Self.maxJobs),
                                            ("recordsPerJob", recordsPerJob, Self.maxRecords),
                                            ("inputTokensPerRecord", inputTokensPerRecord, Self.maxTokens),
                                            ("outputTokensPerRecord", outputTokensPerRecord, Self.maxTokens)]
        let (wanted, other) = batch ? (jobs, request) : (request, jobs)
        let shape = batch ? "an app that runs batch jobs gives usage as \(Self.batchShape)"
            : "an app that calls on demand gives usage as \(Self.requestShape)"
        var issues: [InputIssue] = other.filter { $0.1 != nil }.map {
            InputIssue(field: "\(field).\($0.0)", problem: "does not apply: \(shape)")
        }
        for (name, value, limit) in wanted {
            if let value {
                if !(0...limit).contains(value) {
                    issues.append(InputIssue(field: "\(field).\(name)", problem: "\(value) is outside 0 to \(limit)"))
                }
            } else {
                issues.append(InputIssue(field: "\(field).\(name)", problem: "is required: \(shape)"))
            }
        }
        return issues
    }
}
