/// Billing rows of one month summed by everything attribution and reports tell apart: the
/// row's `deploycat:app` tag, its resource (only for rows without that tag), product, usage
/// type and tags. A month of millions of rows comes down to a few thousand groups.
public struct BillingCostGroup: Hashable, Sendable {
    public var appTag: String?
    /// Empty for rows with a `deploycat:app` tag (the tag decides) or without a resource.
    public var resourceId: String
    public var productCode: String
    public var usageType: String
    /// Stored key (`cost_center`) -> value.
    public var tags: [String: String]
    public var cost: BillingAmount
    public var rows: Int

    public init(appTag: String?, resourceId: String, productCode: String, usageType: String, tags: [String: String],
                cost: BillingAmount, rows: Int) {
        self.appTag = appTag
        self.resourceId = resourceId
        self.productCode = productCode
        self.usageType = usageType
        self.tags = tags
        self.cost = cost
        self.rows = rows
    }
}

/// What one `cost import` wrote, as the store counts it.
public struct BillingImportTotals: Hashable, Sendable {
    /// One source's month the import covered.
    public struct Month: Hashable, Sendable {
        public var source: String
        public var month: String
        /// Rows stored for it now.
        public var rows: Int
        /// Rows it held before, which the import replaced.
        public var replaced: Int

        public init(source: String, month: String, rows: Int, replaced: Int) {
            self.source = source
            self.month = month
            self.rows = rows
            self.replaced = replaced
        }
    }

    /// By source, then month.
    public var months: [Month]
    /// Other sources that hold rows of the same months: their costs add to these.
    public var otherSources: [(source: String, month: String)]

    public init(months: [Month], otherSources: [(source: String, month: String)]) {
        self.months = months
        self.otherSources = otherSources
    }

    public static func == (lhs: BillingImportTotals, rhs: BillingImportTotals) -> Bool {
        lhs.months == rhs.months && lhs.otherSources.map { "\($0.source)|\($0.month)" }
            == rhs.otherSources.map { "\($0.source)|\($0.month)" }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(months) }
}
