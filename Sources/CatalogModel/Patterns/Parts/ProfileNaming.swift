/// The name and description rules of `AWS::Bedrock::ApplicationInferenceProfile`.
public enum ProfileNaming {
    public static let nameRule = "1 to 64 letters or digits, each optionally followed by one space, '_' or '-'"
    public static let descriptionRule = "1 to 200 letters, digits, ':' or '.', each optionally followed by one space, '_' or '-'"

    /// `^([0-9a-zA-Z][ _-]?)+$`, at most 64 characters.
    public static func isValidName(_ value: String) -> Bool {
        value.count <= 64 && matches(value, lead: { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    /// `^([0-9a-zA-Z:.][ _-]?)+$`, at most 200 characters.
    public static func isValidDescription(_ value: String) -> Bool {
        value.count <= 200 && matches(value, lead: { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == ":" || $0 == "." })
    }

    /// One or more lead characters, each optionally followed by a single separator.
    private static func matches(_ value: String, lead: (Character) -> Bool) -> Bool {
        var expectLead = true
        var sawSeparator = false
        for c in value {
            if lead(c) {
                expectLead = false
                sawSeparator = false
            } else if " _-".contains(c), !expectLead, !sawSeparator {
                sawSeparator = true
            } else {
                return false
            }
        }
        return !expectLead
    }
}

extension IssueCollector {
    mutating func checkProfileName(_ name: String?, at field: String) {
        if let name, !ProfileNaming.isValidName(name) {
            add(field, "\(quoted(name)) is not a profile name: \(ProfileNaming.nameRule)")
        }
    }

    mutating func checkProfileDescription(_ description: String?, at field: String) {
        if let description, !ProfileNaming.isValidDescription(description) {
            add(field, "\(quoted(description)) is not a profile description: \(ProfileNaming.descriptionRule)")
        }
    }
}
