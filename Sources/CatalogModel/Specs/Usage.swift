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

    func issues(at field: String) -> [InputIssue] {
        [("requestsPerMonth", requestsPerMonth), ("inputTokensPerRequest", inputTokensPerRequest),
         ("outputTokensPerRequest", outputTokensPerRequest)]
            .filter { $0.1 < 0 }.map { InputIssue(field: "\(field).\($0.0)", problem: "\($0.1) is negative") }
    }
}
