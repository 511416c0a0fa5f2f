/// AWS tag rules for cost-allocation tags, checked before a template carries them.
public enum TagRules {
    /// User tags a resource may carry, less those deploycat adds itself.
    public static let maxUserTags = 50 - reservedKeys.count
    /// Tags deploycat puts on every resource so costs split by app, team and stage.
    public static let reservedKeys = ["deploycat:app", "deploycat:stage", "deploycat:team"]
    public static let allowedCharacters = "letters, digits, spaces and _ . : / = + - @"

    /// Every problem with `tags`, each naming `field.key`.
    public static func issues(_ tags: TagMap, at field: String) -> [InputIssue] {
        var issues: [InputIssue] = []
        if tags.values.count > maxUserTags {
            issues.append(InputIssue(field: field, problem: "has \(tags.values.count) tags; at most \(maxUserTags) "
                + "are allowed (a resource carries 50, and deploycat adds \(reservedKeys.count))"))
        }
        for (key, value) in tags.sorted {
            let at = "\(field).\(key)"
            if key.isEmpty || key.count > 128 {
                issues.append(InputIssue(field: at, problem: "a tag key must be 1 to 128 characters"))
            }
            if key.lowercased().hasPrefix("aws:") {
                issues.append(InputIssue(field: at, problem: "the \"aws:\" prefix is reserved for AWS"))
            }
            if key.lowercased().hasPrefix("deploycat:") {
                issues.append(InputIssue(field: at, problem: "the \"deploycat:\" prefix is reserved: deploycat sets "
                    + reservedKeys.joined(separator: ", ") + " itself"))
            }
            if !key.allSatisfy(isAllowed) {
                issues.append(InputIssue(field: at, problem: "the key may hold only \(allowedCharacters)"))
            }
            if value.count > 256 {
                issues.append(InputIssue(field: at, problem: "the value is \(value.count) characters; at most 256 are allowed"))
            }
            if !value.allSatisfy(isAllowed) {
                issues.append(InputIssue(field: at, problem: "the value may hold only \(allowedCharacters)"))
            }
        }
        return issues
    }

    static func isAllowed(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || " _.:/=+-@".contains(c)
    }
}
