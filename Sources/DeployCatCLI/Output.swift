import Foundation

/// Writes command output: results to stdout (so they can be piped), notes and warnings to stderr.
enum Output {
    static func json<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        FileHandle.standardOutput.write(Data((collapsingEmptyContainers(text) + "\n").utf8))
    }

    /// Pretty-printed JSON with empty arrays and objects as `[]` and `{}`, where JSONEncoder puts a
    /// blank line between the brackets. Encoded strings escape line breaks, so a bracket followed
    /// by a line break is always structure.
    private static func collapsingEmptyContainers(_ json: String) -> String {
        json.replacing(#/\[\n\n *\]/#, with: "[]").replacing(#/\{\n\n *\}/#, with: "{}")
    }

    static func line(_ text: String = "", terminator: String = "\n") {
        print(text, terminator: terminator)
    }

    static func warning(_ text: String) {
        FileHandle.standardError.write(Data("warning: \(text)\n".utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }
}
