/// Rules for app names, which also name functions, profiles and exports.
public enum AppNaming {
    public static let rule = "1 to 63 lowercase letters, digits and single '-' between them, such as \"support-chat\""

    public static func isValid(_ name: String) -> Bool {
        guard (1...63).contains(name.count), name.first != "-", name.last != "-", !name.contains("--") else {
            return false
        }
        return name.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }

    public static let stageRule = "1 to 32 letters, digits, '-' or '_'"

    public static func isValidStage(_ stage: String) -> Bool {
        (1...32).contains(stage.count) && stage.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }
}
