/// How much an app calls its model each month in each of its Regions, for cost estimates.
public struct Usage: Codable, Hashable, Sendable {
    public var requestsPerMonth: Int
    public var inputTokensPerRequest: Int
    public var outputTokensPerRequest: Int

    public init(requestsPerMonth: Int, inputTokensPerRequest: Int, outputTokensPerRequest: Int) {
        self.requestsPerMonth = requestsPerMonth
        self.inputTokensPerRequest = inputTokensPerRequest
        self.outputTokensPerRequest = outputTokensPerRequest
    }

    /// Bounds far above any real app, so an estimate stays a sum of money.
    static let maxRequests = 10_000_000_000
    static let maxTokens = 10_000_000

    func issues(at field: String) -> [InputIssue] {
        [("requestsPerMonth", requestsPerMonth, Self.maxRequests),
         ("inputTokensPerRequest", inputTokensPerRequest, Self.maxTokens),
         ("outputTokensPerRequest", outputTokensPerRequest, Self.maxTokens)]
            .filter { !(0...$0.2).contains($0.1) }
            .map { InputIssue(field: "\(field).\($0.0)", problem: "\($0.1) is outside 0 to \($0.2)") }
    }
}
