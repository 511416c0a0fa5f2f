/// One source's rows of one month, as `cost sources` lists them.
public struct BillingSourceMonth: Hashable, Sendable {
    public var source: String
    public var month: String
    public var rows: Int
    public var cost: BillingAmount

    public init(source: String, month: String, rows: Int, cost: BillingAmount) {
        self.source = source
        self.month = month
        self.rows = rows
        self.cost = cost
    }
}
