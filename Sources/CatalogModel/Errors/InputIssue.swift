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

    /// `file: field: problem`, leaving out what is not known. A field or problem that quotes a
    /// value of megabytes is shortened in the middle, so the line still fits a terminal's scrollback.
    public var description: String {
        let field = Self.shortened(field), problem = Self.shortened(problem)
        let place = field.isEmpty ? problem : "\(field): \(problem)"
        return file.map { "\($0): \(place)" } ?? place
    }

    /// The longest field or problem shown whole, in characters.
    public static let longest = 1_000

    /// `text`, or its start and end around how much was left out.
    static func shortened(_ text: String) -> String {
        guard text.utf8.count > longest, text.count > longest else { return text }
        return "\(text.prefix(600)) ... (\(text.count - 900) characters left out) ... \(text.suffix(300))"
    }
}
