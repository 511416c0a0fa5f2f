import CatalogModel
import Foundation

/// What `cost import` read and wrote.
public struct BillingImportReport: Encodable, Sendable {
    public struct File: Encodable, Sendable {
        public var path: String
        public var format: BillingFormat
        public var gzip: Bool
        public var rows: Int
    }

    public struct Month: Encodable, Sendable {
        public var source: String
        public var month: String
        /// Rows it holds now.
        public var rows: Int
        /// Rows it held before, which the import replaced.
        public var replaced: Int
        public var cost: Decimal
        public var attributed: Decimal
        public var unattributed: Decimal
    }

    public var files: [File]
    public var months: [Month]
    /// Rows read from the files.
    public var rows: Int
    /// Rows read more than once (the same line item id, or for FOCUS an identical row), kept once.
    public var duplicates: Int
    public var attributed: Decimal
    public var unattributed: Decimal
    /// Month -> the other sources holding rows of it that may be the same account's (the same
    /// payer account, or one not known): reports add their costs to these.
    public var otherSources: [String: [String]]
    /// `deploycat:app` tag values that name no app the catalog has ever had (a typo in a
    /// resource's tags, another catalog's app): their rows are reported under that name.
    public var unknownApps: [String]
}

/// How far an import has read.
public struct BillingImportProgress: Sendable {
    public var file: String
    public var rows: Int
}
