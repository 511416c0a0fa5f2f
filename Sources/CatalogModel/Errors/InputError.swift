/// Rejected input: every problem found, one line each, naming its file (when known) and field.
/// Thrown once, after everything was read and checked; the problems of one file stay together,
/// files in the order their first problem was found.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public private(set) var issues: [InputIssue] = []

    public init(_ issues: [InputIssue] = []) {
        for issue in issues { add(issue) }
    }

    /// The problems of one file.
    public init(file: String, issues: [InputIssue]) {
        self.init(issues.map { issue in
            var placed = issue
            placed.file = file
            return placed
        })
    }

    public init(file: String, problem: String) {
        self.init(file: file, issues: [InputIssue(field: "", problem: problem)])
    }

    public var isEmpty: Bool { issues.isEmpty }

    /// Adds `issue` after the earlier issues of its file.
    public mutating func add(_ issue: InputIssue) {
        if let last = issues.lastIndex(where: { $0.file == issue.file }) {
            issues.insert(issue, at: last + 1)
        } else {
            issues.append(issue)
        }
    }

    public mutating func add(_ error: InputError) {
        for issue in error.issues { add(issue) }
    }

    public func throwIfAny() throws(InputError) {
        if !issues.isEmpty { throw self }
    }

    /// The most problems listed; a file of a million bad entries says how many more there are.
    public static let shownIssues = 1_000

    public var description: String {
        let more = issues.count > Self.shownIssues ? ["... and \(issues.count - Self.shownIssues) more problems"] : []
        return (issues.prefix(Self.shownIssues).map(\.description) + more).joined(separator: "\n")
    }
}
