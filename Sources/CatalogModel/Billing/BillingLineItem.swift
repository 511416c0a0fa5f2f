/// One row of a billing export as deploycat keeps it.
public struct BillingLineItem: Hashable, Sendable {
    /// Which export the row came from: a month's rows of one source are replaced together.
    public var source: String
    /// `YYYY-MM` of the usage start, in UTC.
    public var month: String
    /// The line item id, or `sha256:` and a hash of the row for exports that have none.
    public var key: String
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var usageStart: String
    /// `AmazonBedrock`, `AWSLambda`... (FOCUS: `x_ServiceCode`, else the service's name).
    public var productCode: String
    public var usageType: String
    /// The resource's ARN or id; empty when the row names none.
    public var resourceId: String
    /// Tag key (stored form, `BillingTagKey.canonical`) -> value; empty values left out.
    public var tags: [String: String]
    public var cost: BillingAmount

    public init(source: String, month: String, key: String, usageStart: String, productCode: String, usageType: String,
                resourceId: String, tags: [String: String], cost: BillingAmount) {
        self.source = source
        self.month = month
        self.key = key
        self.usageStart = usageStart
        self.productCode = productCode
        self.usageType = usageType
        self.resourceId = resourceId
        self.tags = tags
        self.cost = cost
    }

    /// The value of its `deploycat:app` tag.
    public var appTag: String? { tags[Self.appKey] }

    /// `deploycat:app` in the stored form, worked out once rather than per row.
    static let appKey = BillingTagKey.canonical(catalogKey: BillingTagKey.app)
}

/// What is wrong with one row of an export.
public enum BillingRowProblem: Hashable, Sendable, CustomStringConvertible {
    case badCost(column: String, value: String)
    case badDate(column: String, value: String)
    case badTags(column: String, value: String)
    case missingColumns(expected: Int, found: Int)

    public var description: String {
        switch self {
        case let .badCost(column, value): "\(column) \(Self.shown(value)) is not an amount (expected a decimal number such as 0.0125)"
        case let .badDate(column, value):
            "\(column) \(Self.shown(value)) is not a date and time (expected 2025-01-31T23:00:00Z or 2025-01-31 23:00:00)"
        case let .badTags(column, value): "\(column) \(Self.shown(value)) is not a JSON object of tags"
        case let .missingColumns(expected, found): "has \(found) columns where the header has \(expected)"
        }
    }

    private static func shown(_ value: String) -> String {
        value.isEmpty ? "(empty)" : "\"" + (value.count > 60 ? value.prefix(60) + "..." : value) + "\""
    }
}
