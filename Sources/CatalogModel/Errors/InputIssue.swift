/// One problem with a field of an input document, such as `models[2].id`.
public struct InputIssue: Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is: a key path (`models[2].regions[0]`) or an entry (`profile "us.x"`).
    public var field: String
    /// What is wrong and what is allowed, in plain words.
    public var problem: String

    public init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }

    public var description: String { field.isEmpty ? problem : "\(field): \(problem)" }
}

/// Every problem found in one input document; thrown once, after the whole document was checked.
public struct InputIssues: Error, Hashable, Sendable, CustomStringConvertible {
    public var issues: [InputIssue]

    public init(_ issues: [InputIssue]) {
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
