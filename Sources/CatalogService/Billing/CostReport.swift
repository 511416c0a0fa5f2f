import CatalogModel
import Foundation

/// Actual costs of one month from imported billing exports, grouped by app, team, model or a
/// tag key's values, each with the spec-based estimate beside it where there is one.
/// Money is USD rounded to the cent, from exact sums; JSON shows it as numbers.
public struct CostReport: Encodable, Sendable {
    /// `YYYY-MM`.
    public var month: String
    /// Whether the month was chosen as the latest imported (no `--month` given).
    public var latestMonth: Bool
    /// `app`, `team`, `model`, or the tag key as the catalog spells it (`CostCenter`).
    public var by: String
    public var rows: [Row]
    /// Cost that belongs to no group: rows attributed to no app (or, by team or tag, with no
    /// team or value either way).
    public var unattributed: Decimal
    /// By model: the cost of rows that are not Bedrock model usage.
    public var otherServices: Decimal?
    public var total: Decimal
    /// Billing rows the month holds.
    public var lineItems: Int

    public struct Row: Encodable, Sendable, Equatable {
        /// The app, team, model or tag value; `(none)` for attributed rows without a team or value.
        public var value: String
        /// By model: the app whose usage it is, `nil` when unattributed.
        public var app: String?
        public var actual: Decimal
        /// The spec-based monthly estimate (`cost estimate`) of the group's apps, `nil` where none has one.
        public var estimate: Decimal?

        enum CodingKeys: String, CodingKey { case value, app, actual, estimate }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(value, forKey: .value)
            if app != nil { try c.encode(app, forKey: .app) }
            try c.encode(actual, forKey: .actual)
            try c.encode(estimate, forKey: .estimate)
        }
    }

    enum CodingKeys: String, CodingKey { case month, latestMonth, by, rows, unattributed, otherServices, total, lineItems, currency }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(month, forKey: .month)
        try c.encode(latestMonth, forKey: .latestMonth)
        try c.encode(by, forKey: .by)
        try c.encode("USD", forKey: .currency)
        try c.encode(rows, forKey: .rows)
        try c.encode(unattributed, forKey: .unattributed)
        if let otherServices { try c.encode(otherServices, forKey: .otherServices) }
        try c.encode(total, forKey: .total)
        try c.encode(lineItems, forKey: .lineItems)
    }
}

/// What `cost report` groups by.
public enum CostGrouping: Hashable, Sendable {
    case app, team, model
    /// A tag key, in any spelling that names one the catalog knows.
    case tag(String)

    /// `app`, `team`, `model`, else a tag key.
    public init(_ text: String) {
        switch text {
        case "app": self = .app
        case "team": self = .team
        case "model": self = .model
        default: self = .tag(text)
        }
    }
}

/// Actual cost per value of one tag key in a month, and per app under each value: what
/// `tags report --actual` shows.
public struct TagCostReport: Encodable, Sendable {
    public var month: String
    public var latestMonth: Bool
    /// As the catalog spells it.
    public var key: String
    public var values: [Value]
    /// Cost with no value for the key: attributed to an app without one, or to nothing.
    public var untagged: Decimal
    public var total: Decimal

    public struct Value: Encodable, Sendable, Equatable {
        public var value: String
        public var actual: Decimal
        public var apps: [AppCost]
        /// Cost under the value that belongs to no app.
        public var unattributed: Decimal
    }

    public struct AppCost: Encodable, Sendable, Equatable {
        public var app: String
        public var actual: Decimal
    }
}
