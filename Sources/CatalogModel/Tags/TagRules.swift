/// AWS tag rules for cost-allocation tags, checked before a template carries them. The same
/// rules apply to every value that becomes a tag: the spec's `tags`, a profile's own tags, and
/// the app name, team and stage that deploycat's own tags carry.
public enum TagRules {
    /// Tags a resource may carry in all.
    public static let maxTagsPerResource = 50
    /// User tags a resource may carry, less those deploycat adds itself.
    public static let maxUserTags = maxTagsPerResource - reservedKeys.count
    /// Tags deploycat puts on every resource so costs split by app, team and stage.
    public static let reservedKeys = ["deploycat:app", "deploycat:stage", "deploycat:team"]
    public static let maxKeyLength = 128
    public static let maxValueLength = 256
    /// The characters AWS allows in keys and values: `^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`.
    public static let allowedCharacters = "letters, digits, spaces and _ . : / = + - @"

    /// Every problem with user tags `tags` at `field`, each naming `field.key`. `inherited`
    /// are the tags the same resource also carries (the app's, for a profile's own tags), so
    /// the count is checked on what the resource ends up with.
    public static func issues(_ tags: TagMap, at field: String, inherited: TagMap = TagMap()) -> [InputIssue] {
        var issues: [InputIssue] = []
        let count = tags.values.merging(inherited.values) { own, _ in own }.count
        if count > maxUserTags {
            let mix = inherited.values.isEmpty ? "" : " with the app's tags"
            issues.append(InputIssue(field: field, problem: "gives the resource \(count) tags\(mix); at most "
                + "\(maxUserTags) are allowed (a resource carries \(maxTagsPerResource), and deploycat adds "
                + "\(reservedKeys.count))"))
        }
        for (key, value) in tags.sorted {
            let at = "\(field)." + (key.isEmpty ? "\"\"" : key)
            issues += keyIssues(key, at: at)
            issues += valueIssues(value, at: at)
        }
        return issues
    }

    /// Problems with one tag key; `allowingReserved` accepts deploycat's own keys (a tag policy
    /// may rule on them).
    public static func keyIssues(_ key: String, at field: String, allowingReserved: Bool = false) -> [InputIssue] {
        var issues: [InputIssue] = []
        let length = key.unicodeScalars.count
        if length == 0 || length > maxKeyLength {
            issues.append(InputIssue(field: field, problem: "a tag key must be 1 to \(maxKeyLength) characters"
                + (length == 0 ? "" : "; this one has \(length)")))
        }
        if key.lowercased().hasPrefix("aws:") {
            issues.append(InputIssue(field: field, problem: "the \"aws:\" prefix is reserved for AWS"))
        }
        if !allowingReserved, key.lowercased().hasPrefix("deploycat:") {
            issues.append(InputIssue(field: field, problem: "the \"deploycat:\" prefix is reserved: deploycat sets "
                + reservedKeys.joined(separator: ", ") + " itself"))
        }
        if let bad = disallowed(in: key) {
            issues.append(InputIssue(field: field, problem: "the key holds \(bad); a tag key may hold only \(allowedCharacters)"))
        }
        return issues
    }

    /// Problems with one value that becomes a tag value (the text of `field`).
    public static func valueIssues(_ value: String, at field: String) -> [InputIssue] {
        var issues: [InputIssue] = []
        let length = value.unicodeScalars.count
        if length > maxValueLength {
            issues.append(InputIssue(field: field, problem: "the value is \(length) characters; a tag value may have "
                + "at most \(maxValueLength)"))
        }
        if let bad = disallowed(in: value) {
            issues.append(InputIssue(field: field, problem: "the value holds \(bad); a tag value may hold only "
                + allowedCharacters))
        }
        return issues
    }

    /// Characters outside ASCII in a tag key or value, for resources whose tags CloudFormation
    /// checks against ASCII letters, digits, spaces and `_ . : / = + - @` (a Bedrock prompt's).
    public static func asciiIssues(_ text: String, at field: String, what: String) -> [InputIssue] {
        guard let bad = characters(in: text, where: { !$0.isASCII && isAllowed($0) }) else { return [] }
        return [InputIssue(field: field, problem: "the \(what) holds \(bad); this pattern's tags may hold only ASCII "
            + "letters and digits, spaces and _ . : / = + - @")]
    }

    /// The characters of `text` AWS refuses, quoted, or `nil` when there are none.
    static func disallowed(in text: String) -> String? {
        characters(in: text, where: { !isAllowed($0) })
    }

    /// The distinct characters of `text` that `match`, described (the first five), or `nil`.
    private static func characters(in text: String, where match: (Unicode.Scalar) -> Bool) -> String? {
        var seen: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where match(scalar) && !seen.contains(scalar) {
            seen.append(scalar)
        }
        guard !seen.isEmpty else { return nil }
        return seen.prefix(5).map(describe).joined(separator: ", ") + (seen.count > 5 ? ", ..." : "")
    }

    /// Letters, separators and numbers by Unicode category (as AWS's `\p{L}\p{Z}\p{N}`), and `_.:/=+-@`.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return "_.:/=+-@".unicodeScalars.contains(scalar)
        }
    }

    /// `"'"` for a character that shows, `U+0009` for one that does not (a tab, a combining mark).
    private static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return "\"\(scalar)\""
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
             .letterNumber, .otherNumber:
            return "\"\(scalar)\""
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }
}
