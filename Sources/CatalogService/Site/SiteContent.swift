import CatalogModel
import CatalogSynthesis
import Foundation

/// Everything the HTML report shows, read from one catalog database: the catalog, every live
/// app (of one team, when asked) with its templates, routes, tags and costs, and the month's
/// billing. A value with no clock in it: the same database and `asOf` give the same content.
public struct SiteContent: Sendable {
    /// `YYYY-MM-DD`: the day lifecycle dates are counted from.
    public var asOf: String
    /// The team the report is narrowed to, if any.
    public var team: String?
    public var catalog: CatalogSnapshot
    public var catalogRevision: Int
    /// When the catalog revision was made (ISO 8601, UTC); `nil` before any change.
    public var revisionDate: String?
    /// The change log lines of the latest revision: what changed since the one before.
    public var latestChanges: [CatalogLogEntry]
    /// Live apps by name.
    public var apps: [App]
    /// Templates `regenerate` would give a new version (or fail to build), by app then Region.
    public var stale: [StaleTemplate]
    /// Actual costs, when billing exports were imported.
    public var costs: Costs?
    /// The tag keys the cost page splits by, as the catalog spells them.
    public var costTagKeys: [String]

    /// A live app and what the report shows of it.
    public struct App: Sendable {
        public var stored: StoredApp
        /// The latest version in each Region the spec names (bodies left out), by Region.
        public var current: [TemplateVersion]
        /// Every version, of retired Regions too (bodies left out), by Region then version.
        public var history: [TemplateVersion]
        /// What the latest version of each Region changed from the one before, where there is one.
        public var lastChanges: [RegionChange]
        /// Where the app's requests may be served, from its current templates.
        public var routes: [Route]
        public var tags: EffectiveTags
        public var estimate: CostEstimate?
        /// The app's actual cost in `costs.month`; `nil` without billing.
        public var actual: Decimal?

        public var name: String { stored.name }
        public var spec: AppSpec { stored.spec }
        /// The catalog model the spec calls: a Bedrock model id or a SageMaker model name.
        public var model: String? { spec.modelId ?? spec.modelName }
    }

    /// The last change of an app's template in one Region.
    public struct RegionChange: Sendable {
        public var region: String
        public var from: Int
        public var to: Int
        public var diff: TemplateDiff
    }

    /// From a Region an app is deployed in to every Region its requests may be served in: through
    /// a system-defined profile, or in the Region itself when it calls no profile.
    public struct Route: Hashable, Sendable {
        public var fromRegion: String
        /// `nil` for requests served in `fromRegion` only.
        public var profile: String?
        /// The profile's geography prefix (`us`, `eu`, `global`); `nil` without a profile.
        public var geography: String?
        public var toRegions: [String]
    }

    /// A template `regenerate` would change, and why.
    public struct StaleTemplate: Hashable, Sendable {
        public var app: String
        public var region: String
        public var reasons: [String]
    }

    /// Actual costs of `month` grouped as `cost report` groups them, and every month's total.
    public struct Costs: Sendable {
        public var month: String
        /// Whether `month` is the latest imported (no `--month` was given).
        public var latestMonth: Bool
        public var byApp: CostReport
        public var byTeam: CostReport
        public var byModel: CostReport
        /// One per `costTagKeys` key.
        public var byTag: [CostReport]
        /// Every imported month, oldest first.
        public var months: [MonthTotal]
    }

    /// One month's actual cost: what apps account for and what no app does.
    public struct MonthTotal: Hashable, Sendable {
        public var month: String
        public var attributed: Decimal
        public var unattributed: Decimal
        public var total: Decimal { attributed + unattributed }
    }
}
