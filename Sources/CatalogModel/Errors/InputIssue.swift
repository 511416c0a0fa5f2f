/// One problem with a field of an input document, such as `models[2].id`.
public struct InputIssue: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user gave it; `nil` while the document is checked on its own.
    public var file: String?
    /// Where the problem is: a key path (`models[2].regions[0]`) or an entry (`profile "us.x"`).
    public var field: String
    /// What is wrong and what is allowed, in plain words.
    public var problem: String

    public init(file: String? = nil, field: String, problem: String) {
        self.file = file
        self.field = field
        self.problem = problem
    }

    /// `file: field: problem`, leaving out what is not known.
    public var description: String {
        let place = field.isEmpty ? problem : "\(field): \(problem)"
        return file.map { "\($0): \(place)" } ?? place
    }
}
