/// Shapes of the identifiers the catalog accepts, so bad ids are rejected at the edge with a
/// message that says what is allowed.
public enum Identifiers {
    /// `us-east-1`, `us-gov-west-1`, `eusc-de-east-1`.
    public static func isRegionCode(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard value.count <= 32, (3...5).contains(parts.count), let last = parts.last else { return false }
        return (2...5).contains(parts[0].count) && parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy(isLower) }
            && (1...2).contains(last.count) && last.allSatisfy(isDigit)
    }
    public static let regionCodeRule = "a Region code such as \"us-east-1\""

    /// `anthropic.claude-3-5-sonnet-20241022-v2:0`, `amazon.nova-lite-v1:0`, `deepseek.v3.2`.
    public static func isModelId(_ value: String) -> Bool {
        let versions = value.split(separator: ":", omittingEmptySubsequences: false)
        guard value.count <= 140, versions.count <= 3 else { return false }
        let names = versions[0].split(separator: ".", omittingEmptySubsequences: false)
        return (2...5).contains(names.count) && (names + versions.dropFirst()).allSatisfy(isIdPart)
    }
    public static let modelIdRule =
        "a model id such as \"anthropic.claude-3-5-sonnet-20241022-v2:0\" (lowercase provider.name[:version], at most 140 characters)"

    /// `us`, `apac`, `us-gov`, `global`.
    public static func isGeographyPrefix(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { (2...8).contains($0.count) && $0.allSatisfy(isLower) }
    }
    public static let geographyPrefixRule = "a geography prefix such as \"us\", \"apac\" or \"us-gov\""

    /// `aws`, `aws-us-gov`, `aws-cn`.
    public static func isPartition(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        return parts[0] == "aws" && parts.count <= 4 && parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy(isLower) }
    }
    public static let partitionRule = "a partition such as \"aws\" or \"aws-us-gov\""

    /// `2026-08-22`: a day that exists (not February 30th).
    public static func isDate(_ value: String) -> Bool {
        CalendarDay(value) != nil
    }
    public static let dateRule = "a date as YYYY-MM-DD"

    /// A 12-digit AWS account id.
    public static func isAccountId(_ value: String) -> Bool {
        value.count == 12 && value.allSatisfy(isDigit)
    }

    /// Splits a system-defined profile id into its geography prefix and model id
    /// (`us-gov.x.y:0` -> `us-gov`, `x.y:0`), or `nil` when it has no such shape.
    public static func splitProfileId(_ id: String) -> (geography: String, modelId: String)? {
        guard let dot = id.firstIndex(of: ".") else { return nil }
        let geography = String(id[..<dot])
        let modelId = String(id[id.index(after: dot)...])
        guard isGeographyPrefix(geography), isModelId(modelId) else { return nil }
        return (geography, modelId)
    }

    /// The longest free-text value (names, descriptions) the catalog stores.
    public static let maxTextLength = 256

    /// An upper-case word such as `TEXT` or `ON_DEMAND` (modalities, inference types).
    public static func isUpperWord(_ value: String) -> Bool {
        guard let first = value.first, (1...40).contains(value.count), first.isASCII, first.isUppercase else { return false }
        return value.allSatisfy { ($0.isASCII && ($0.isUppercase || $0.isNumber)) || $0 == "_" }
    }

    /// A SageMaker resource name (model, endpoint, endpoint config, variant): 1 to 63 letters,
    /// digits and hyphens, starting and ending with a letter or digit.
    public static func isSageMakerName(_ value: String) -> Bool {
        guard (1...63).contains(value.count), let first = value.first, let last = value.last,
              first != "-", last != "-" else { return false }
        return value.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
    }
    public static let sageMakerNameRule = "1 to 63 letters, digits and hyphens, starting and ending with a letter or digit"

    /// A SageMaker instance type such as `ml.m5.xlarge` or `ml.g5.12xlarge`.
    public static func isSageMakerInstanceType(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        return value.count <= 40 && parts.count == 3 && parts[0] == "ml"
            && parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy { isLower($0) || isDigit($0) || $0 == "-" } }
    }
    public static let sageMakerInstanceTypeRule = "a SageMaker instance type such as \"ml.m5.xlarge\""

    // Hand-written character checks: a Swift Regex literal is parsed anew at every use, which
    // made loading the default catalog several times slower.
    private static func isLower(_ c: Character) -> Bool { c >= "a" && c <= "z" }
    private static func isDigit(_ c: Character) -> Bool { c >= "0" && c <= "9" }
    private static func isIdPart(_ part: Substring) -> Bool {
        (1...63).contains(part.count) && part.allSatisfy { isLower($0) || isDigit($0) || $0 == "-" }
    }

    /// An ASCII letter or digit, as a UTF-8 byte: for names whose every allowed character is
    /// ASCII, checked (and counted) byte by byte.
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: false
        }
    }
}
