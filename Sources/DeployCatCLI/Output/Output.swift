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
    /// by a line break is always structure. Line by line rather than with a Regex, which would be
    /// compiled anew in every command that prints JSON.
    private static func collapsingEmptyContainers(_ json: String) -> String {
        let lines = json.split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if let open = line.last, open == "[" || open == "{", index + 2 < lines.count, lines[index + 1].isEmpty {
                let closing = lines[index + 2].drop { $0 == " " }
                if closing.first == (open == "[" ? "]" : "}") {
                    kept.append(line + closing)
                    index += 3
                    continue
                }
            }
            kept.append(line)
            index += 1
        }
        return kept.joined(separator: "\n")
    }

    static func line(_ text: String = "", terminator: String = "\n") {
        print(text, terminator: terminator)
    }

    static func warning(_ text: String) {
        FileHandle.standardError.write(Data("warning: \(Terminal.printable(text))\n".utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data("\(Terminal.printable(text))\n".utf8))
    }
}
