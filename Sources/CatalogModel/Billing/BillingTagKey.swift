/// How a cost-allocation tag key is spelled in billing exports, and the one rule that says
/// whether an export's key is a catalog's key. The legacy Cost and Usage Report names a column
/// `resourceTags/user:CostCenter`; CUR 2.0 normalizes keys in its `resource_tags` map
/// (`user_cost_center`); FOCUS writes `user:CostCenter` in its `Tags`; a catalog writes
/// `CostCenter`. All four are the same key: each is reduced to its words, lower-cased and joined
/// by `_` (`cost_center`), after the export's prefixes (`resourceTags/`, `user:`, `user_`) are
/// taken off. AWS's own tags keep an `aws_` prefix (`aws:createdBy` is `aws_created_by`).
///
/// The reduction cannot tell `CostCenter` from `cost-center` (CUR 2.0 writes both as
/// `user_cost_center`): such keys are one key in billing.
public enum BillingTagKey {
    /// deploycat's own tag keys, which every resource it generates carries.
    public static let app = "deploycat:app"
    public static let team = "deploycat:team"
    public static let stage = "deploycat:stage"
    public static let deploycatKeys = [app, team, stage]

    /// The key as deploycat stores an export's tags: `resourceTags/user:CostCenter`,
    /// `user:CostCenter`, `user_cost_center` and `CostCenter` are all `cost_center`.
    public static func canonical(exportKey key: String) -> String {
        var key = Substring(key)
        if key.hasPrefix("resourceTags/") { key = key.dropFirst("resourceTags/".count) }
        if key.hasPrefix("user:") || key.hasPrefix("user_") { return words(key.dropFirst(5)) }
        if key.hasPrefix("aws:") { return "aws_" + words(key.dropFirst(4)) }
        return words(key)
    }

    /// A catalog's key (as a spec or tag policy spells it) in the stored form: `CostCenter` is
    /// `cost_center`, `deploycat:app` is `deploycat_app`.
    public static func canonical(catalogKey key: String) -> String {
        key.hasPrefix("aws:") ? "aws_" + words(key.dropFirst(4)) : words(Substring(key))
    }

    /// Whether the export's key `exportKey` is the catalog's key `catalogKey`.
    public static func matches(exportKey: String, catalogKey: String) -> Bool {
        canonical(exportKey: exportKey) == canonical(catalogKey: catalogKey)
    }

    /// Words split at anything but a letter or digit and where a capital starts a word
    /// (`costCenter`, `ABCTeam` -> `abc_team`), lower-cased and joined by `_`.
    static func words(_ key: Substring) -> String {
        var words: [String] = [], current = ""
        let characters = Array(key)
        for (index, character) in characters.enumerated() {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            if character.isUppercase, !current.isEmpty {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) {
                    words.append(current)
                    current = ""
                }
            }
            current += character.lowercased()
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: "_")
    }
}
