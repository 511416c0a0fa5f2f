import CatalogModel
import Foundation

/// Live apps grouped by the value of a tag key: what each value's resources are and what they
/// are estimated to cost.
public struct TagReport: Encodable, Sendable {
    /// The key grouped by; `nil` when every key is listed.
    public var key: String?
    public var rows: [Row]
    /// With actual costs: the month they are for, and whether it was chosen as the latest imported.
    public var month: String?
    public var latestMonth: Bool?
    /// With actual costs: what no value of the key claims (rows without the tag whose app has
    /// none either, or that belong to no app), and the month's whole cost.
    public var actualWithoutValue: Decimal?
    public var actualTotal: Decimal?

    public struct Row: Encodable, Sendable {
        public var key: String
        /// `nil` for the apps that do not carry the key.
        @Nullable public var value: String?
        public var apps: [String]
        public var teams: [String]
        public var patterns: [String]
        public var models: [String]
        public var regions: [String]
        public var inferenceProfiles: [InferenceProfile]
        /// The sum of the apps' monthly estimates (from their specs' usage and catalog prices);
        /// `nil` when none has one.
        @Nullable public var estimatedMonthly: Decimal?
        /// Apps left out of the estimate: no usage in the spec, no model, or no price.
        public var unestimatedApps: [String]
        /// Actual cost in the month asked for, from imported billing exports; `nil` when not asked.
        @Nullable public var actual: Decimal?
        /// Each app's estimate and, when asked for, actual cost.
        public var appCosts: [AppCost]
    }

    public struct AppCost: Encodable, Sendable {
        public var app: String
        @Nullable public var estimatedMonthly: Decimal?
        @Nullable public var actual: Decimal?
    }

    /// An application inference profile of a current template: what Bedrock bills.
    public struct InferenceProfile: Encodable, Hashable, Sendable {
        public var app: String
        public var region: String
        public var logicalId: String
        public var name: String
    }
}

/// One violation list over every live app: what `tags check` prints.
public struct TagCheck: Encodable, Sendable {
    /// The live apps checked.
    public var apps: Int
    /// The policy's keys.
    public var policyKeys: Int
    public var violations: [TagViolation]
}

/// One template version's tags and how they differ from the version before it in its Region.
public struct TagHistoryEntry: Encodable, Sendable {
    public var region: String
    public var version: Int
    public var createdAt: String
    public var catalogRevision: Int
    public var specRevision: Int
    public var tags: [String: String]
    /// `+CostCenter=CC-1`, `Owner: a -> b`, `-Stage`; empty for a Region's first version.
    public var changes: [String]
    /// Why the version was made (see `TemplateVersion.reason`).
    public var reason: String
}
