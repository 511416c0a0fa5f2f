import CatalogModel

/// Problems in several files, gathered while every file is read and checked, then thrown once:
/// one line each, naming its file, each file's problems together, files in the order their
/// first problem was found.
public struct InputProblems: Error, Sendable, CustomStringConvertible {
    public private(set) var errors: [InputError] = []

    public init() {}

    public init(_ errors: [InputError]) {
        for error in errors { add(error) }
    }

    public var isEmpty: Bool { errors.isEmpty }

    public mutating func add(file: String, _ issue: InputIssue) {
        add(InputError(file: file, issues: [issue]))
    }

    /// Adds the error's issues under its file, after the file's earlier issues.
    public mutating func add(_ error: InputError) {
        if let index = errors.firstIndex(where: { $0.file == error.file }) {
            errors[index].issues += error.issues
        } else {
            errors.append(error)
        }
    }

    public func throwIfAny() throws {
        if !errors.isEmpty { throw self }
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
