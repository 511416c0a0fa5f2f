/// The billing exports `cost import` reads, told apart by their header: the legacy Cost and
/// Usage Report, CUR 2.0 and FOCUS 1.2 from Data Exports. Real exports have many more columns,
/// in any order; only these are read, found by name.
public enum BillingFormat: String, CaseIterable, Codable, Sendable {
    case cur
    case cur2
    case focus

    /// As messages name it.
    public var title: String {
        switch self {
        case .cur: "legacy Cost and Usage Report"
        case .cur2: "CUR 2.0"
        case .focus: "FOCUS 1.2"
        }
    }

    /// The columns a file must have to be read as this format.
    public var requiredColumns: [String] {
        switch self {
        case .cur:
            ["identity/LineItemId", "lineItem/ResourceId", "lineItem/UnblendedCost", "lineItem/UsageStartDate",
             "lineItem/ProductCode", "lineItem/UsageType"]
        case .cur2:
            ["identity_line_item_id", "line_item_resource_id", "line_item_unblended_cost", "line_item_usage_start_date",
             "line_item_product_code", "line_item_usage_type"]
        case .focus: ["BilledCost", "ChargePeriodStart", "ResourceId", "ServiceName"]
        }
    }

    /// Columns read when present: tags, the payer account (which names the default source), the
    /// AWS extras FOCUS adds.
    public var optionalColumns: [String] {
        switch self {
        case .cur: ["bill/PayerAccountId", "product/region", "resourceTags/..."]
        case .cur2: ["bill_payer_account_id", "product_region_code", "resource_tags"]
        case .focus: ["Tags", "BillingAccountId", "RegionId", "x_ServiceCode", "x_UsageType", "EffectiveCost"]
        }
    }

    /// Where each column this format reads is in a file, found from its header; `nil` when the
    /// header lacks one of the format's required columns.
    public func columns(in header: [String]) -> BillingColumns? {
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() where index[name] == nil { index[name] = position }
        guard missingColumns(in: header).isEmpty else { return nil }
        let required = requiredColumns.map { index[$0]! }
        switch self {
        case .cur:
            let tags = header.enumerated().filter { $0.element.hasPrefix("resourceTags/") }
                .map { (index: $0.offset, key: BillingTagKey.canonical(exportKey: $0.element)) }
            return BillingColumns(format: self, lineItemId: required[0], resourceId: required[1], cost: required[2],
                                  usageStart: required[3], productCode: required[4], usageType: required[5],
                                  region: index["product/region"], payerAccount: index["bill/PayerAccountId"],
                                  tagMap: nil, tagColumns: tags)
        case .cur2:
            // The Athena-style legacy layout has one `resource_tags_user_...` column per tag instead of the map.
            let tags = header.enumerated().filter { $0.element.hasPrefix("resource_tags_") }
                .map { (index: $0.offset, key: BillingTagKey.canonical(exportKey: String($0.element.dropFirst(14)))) }
            return BillingColumns(format: self, lineItemId: required[0], resourceId: required[1], cost: required[2],
                                  usageStart: required[3], productCode: required[4], usageType: required[5],
                                  region: index["product_region_code"], payerAccount: index["bill_payer_account_id"],
                                  tagMap: index["resource_tags"], tagColumns: tags)
        case .focus:
            return BillingColumns(format: self, lineItemId: nil, resourceId: required[2], cost: required[0],
                                  usageStart: required[1], productCode: index["x_ServiceCode"] ?? required[3],
                                  usageType: index["x_UsageType"], region: index["RegionId"],
                                  payerAccount: index["BillingAccountId"], tagMap: index["Tags"], tagColumns: [])
        }
    }

    /// The required columns `header` lacks.
    public func missingColumns(in header: [String]) -> [String] {
        let present = Set(header)
        return requiredColumns.filter { !present.contains($0) }
    }

    /// The format whose required columns `header` has, or `nil`. Names are compared as
    /// written, after surrounding spaces are trimmed.
    public static func detect(header: [String]) -> (BillingFormat, BillingColumns)? {
        for format in allCases {
            if let columns = format.columns(in: header) { return (format, columns) }
        }
        return nil
    }
}

/// Where the columns `cost import` reads are in one file (indexes into its rows).
public struct BillingColumns: Sendable {
    public var format: BillingFormat
    /// `nil` for FOCUS, which has no line item id: rows are then keyed by a hash of the row.
    public var lineItemId: Int?
    public var resourceId: Int
    public var cost: Int
    public var usageStart: Int
    /// The product code (`AmazonBedrock`); FOCUS: `x_ServiceCode`, else `ServiceName`.
    public var productCode: Int
    public var usageType: Int?
    public var region: Int?
    public var payerAccount: Int?
    /// A JSON object of tags (CUR 2.0's `resource_tags`, FOCUS's `Tags`).
    public var tagMap: Int?
    /// One column per tag (legacy CUR), with its stored key.
    public var tagColumns: [(index: Int, key: String)]
}
