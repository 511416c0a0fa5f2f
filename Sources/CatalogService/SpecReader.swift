import CatalogModel
import Foundation
import Yams

/// Reads app specs from files and folders: YAML (several documents per file) or JSON (one
/// spec or a list). Folders are read for `.yaml`, `.yml` and `.json` files, in name order.
public struct SpecReader: Sendable {
    public var documents: DocumentReader

    public init(documents: DocumentReader = DocumentReader()) {
        self.documents = documents
    }

    /// One spec read from a file, with where it stood.
    public struct Located: Sendable {
        public var spec: AppSpec
        public var file: String
        /// `document 2` in a file of several, else empty.
        public var place: String
    }

    /// Every spec in `paths`; every problem in every file is reported at once.
    public func read(_ paths: [String]) throws -> [Located] {
        var specs: [Located] = []
        var errors: [InputError] = []
        for file in try files(in: paths) {
            do {
                specs += try read(file: file)
            } catch let error as InputError {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return specs
    }

    func files(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(file: path, problem: "no such file or folder")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                    .filter { name in [".yaml", ".yml", ".json"].contains { name.lowercased().hasSuffix($0) } }
                if names.isEmpty { throw InputError(file: path, problem: "holds no .yaml, .yml or .json files") }
                files += names.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }

    private func read(file: String) throws -> [Located] {
        let data = try documents.contents(of: file)
        if file.lowercased().hasSuffix(".json") {
            let specs: [AppSpec]
            let isList = DocumentReader.firstNonSpace(data) == UInt8(ascii: "[")
            do {
                specs = isList ? try JSONDecoder().decode([AppSpec].self, from: data)
                    : [try JSONDecoder().decode(AppSpec.self, from: data)]
            } catch let error as DecodingError {
                throw InputError(file: file, issues: [DocumentReader.issue(for: error, format: "JSON")])
            }
            return specs.enumerated().map { Located(spec: $1, file: file, place: specs.count > 1 ? "[\($0)]" : "") }
        }
        let text = String(decoding: data, as: UTF8.self)
        var located: [Located] = []
        var issues: [InputIssue] = []
        do {
            let nodes = Array(try Yams.compose_all(yaml: text))
            for (index, node) in nodes.enumerated() {
                let place = nodes.count > 1 ? "document \(index + 1)" : ""
                do {
                    located.append(Located(spec: try YAMLDecoder().decode(AppSpec.self, from: node), file: file, place: place))
                } catch let error as DecodingError {
                    var issue = DocumentReader.issue(for: error, format: "YAML")
                    if !place.isEmpty { issue.field = issue.field.isEmpty ? place : "\(place): \(issue.field)" }
                    issues.append(issue)
                }
            }
        } catch let error as YamlError {
            throw InputError(file: file, problem: "is not valid YAML: " + DocumentReader.syntaxProblem(error))
        }
        guard issues.isEmpty else { throw InputError(file: file, issues: issues) }
        if located.isEmpty { throw InputError(file: file, problem: "holds no app spec") }
        return located
    }
}

/// Problems in several files, each line naming its file.
public struct InputErrors: Error, CustomStringConvertible {
    public var errors: [InputError]

    public init(_ errors: [InputError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
