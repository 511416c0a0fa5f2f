import CatalogModel
import Foundation

/// Reads app specs from files and folders: YAML (several documents per file) or JSON (one
/// spec or a list), or `-` for standard input. Folders are read for `.yaml`, `.yml` and
/// `.json` files, in name order.
public struct SpecReader: Sendable {
    public var documents: DocumentReader

    public init(documents: DocumentReader = DocumentReader()) {
        self.documents = documents
    }

    /// One document read from a file: its spec, and the problems found reading it.
    public struct Located: Sendable {
        /// The spec, with the problems that kept fields from being read. With problems, the spec
        /// (when there is one) lacks those fields: checked for more problems, never stored.
        public var document: DocumentReader.Document<AppSpec>
        public var file: String

        public var spec: AppSpec? { document.value }
        /// `document 2` in a YAML file of several, `[1]` in a JSON list, else empty.
        public var place: String { document.place }
        /// `file document 2`, or the file alone.
        public var origin: String { place.isEmpty ? file : "\(file) \(place)" }
    }

    /// What reading found: every document in order, and the problems with files as a whole
    /// (missing, empty, not YAML), so one run reports them all.
    public struct Result: Sendable {
        public var documents: [Located] = []
        public var problems = InputError()

        /// The documents that are specs.
        public var specs: [(spec: AppSpec, located: Located)] {
            documents.compactMap { located in located.spec.map { ($0, located) } }
        }
    }

    /// Every document in `paths`, and every problem with them.
    public func read(_ paths: [String]) -> Result {
        var result = Result()
        if paths.filter({ $0 == DocumentReader.standardInput }).count > 1 {
            result.problems.add(InputError(file: DocumentReader.name(DocumentReader.standardInput),
                                           problem: "is named more than once; it can be read only once"))
        }
        for file in files(in: paths, &result.problems) {
            let name = DocumentReader.name(file)
            do {
                let documents = try documents.documents(AppSpec.self, from: file, list: true)
                if documents.isEmpty { result.problems.add(InputError(file: name, problem: "holds no app spec")) }
                result.documents += documents.map { Located(document: $0, file: name) }
            } catch let error as InputError {
                result.problems.add(error)
            } catch {
                result.problems.add(InputError(file: name, problem: "\(error)"))
            }
        }
        return result
    }

    /// The specs in `paths`, when every document is one; otherwise every problem is thrown.
    public func specs(_ paths: [String]) throws -> [AppSpec] {
        let result = read(paths)
        var problems = result.problems
        for located in result.documents where !located.document.issues.isEmpty {
            problems.add(InputError(file: located.file, issues: located.document.located.map { $0.placed(located.place) }))
        }
        try problems.throwIfAny()
        return result.specs.map(\.spec)
    }

    /// The files named, folders expanded; a path that is neither is a problem.
    func files(in paths: [String], _ problems: inout InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            if path == DocumentReader.standardInput {
                if !files.contains(path) { files.append(path) }
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.add(InputError(file: path, problem: "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                .filter { name in [".yaml", ".yml", ".json"].contains { name.lowercased().hasSuffix($0) } }
            if names.isEmpty { problems.add(InputError(file: path, problem: "holds no .yaml, .yml or .json files")) }
            files += names.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }
}

extension InputIssue {
    /// The issue prefixed with where its document stands in the file (`document 2: team`).
    func placed(_ place: String) -> InputIssue {
        guard !place.isEmpty else { return self }
        return InputIssue(field: field.isEmpty ? place : "\(place): \(field)", problem: problem)
    }
}
