/// A rejected input file: every problem, one line each, each naming the file and the field.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's path as the user gave it.
    public var file: String
    public var issues: [InputIssue]

    public init(file: String, issues: [InputIssue]) {
        self.file = file
        self.issues = issues
    }

    public init(file: String, problem: String) {
        self.init(file: file, issues: [InputIssue(field: "", problem: problem)])
    }

    public var description: String {
        issues.map { "\(file): \($0)" }.joined(separator: "\n")
    }
}
