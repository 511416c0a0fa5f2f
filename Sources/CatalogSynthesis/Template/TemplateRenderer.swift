import Foundation

/// Renders templates as canonical JSON: sorted keys, two-space indentation, unescaped slashes
/// and a final newline, so the same template is always the same bytes.
///
/// The bytes are Foundation's `JSONEncoder` output with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`. Objects, arrays, integers, booleans and plain ASCII strings are
/// written directly in that layout (about a tenth of the encoder's time); anything whose
/// spelling the encoder decides (a string with escapes or non-ASCII text, a decimal) is handed
/// to the encoder, and a document with a key that is not plain ASCII (whose order is the
/// encoder's to decide) is encoded by it whole. `TemplateRendererTests` compares the two.
public enum TemplateRenderer {
    public static func json(_ value: TemplateValue) -> String {
        var writer = Writer()
        writer.bytes.reserveCapacity(16 * 1024)
        guard writer.write(value, indent: 0) else { return encoderJSON(value) }
        writer.bytes.append(UInt8(ascii: "\n"))
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The same document through `JSONEncoder` alone.
    static func encoderJSON(_ value: TemplateValue) -> String {
        // Encoding plain strings, numbers, booleans, arrays and objects cannot fail.
        let data = (try? encoder.encode(value)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private struct Writer {
        var bytes: [UInt8] = []
        /// Made on first use: most templates need none.
        var fragmentEncoder: JSONEncoder?

        /// Appends `value` at `indent` spaces; false when the encoder must write the whole document.
        mutating func write(_ value: TemplateValue, indent: Int) -> Bool {
            switch value {
            case let .string(text):
                if Self.isPlain(text) {
                    bytes.append(UInt8(ascii: "\""))
                    bytes.append(contentsOf: text.utf8)
                    bytes.append(UInt8(ascii: "\""))
                } else {
                    fragment(value)
                }
            case let .number(number): bytes.append(contentsOf: String(number).utf8)
            case .decimal: fragment(value)
            case let .bool(flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
            case let .array(values):
                bytes.append(UInt8(ascii: "["))
                bytes.append(UInt8(ascii: "\n"))
                for (index, element) in values.enumerated() {
                    if index > 0 { bytes.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
                    spaces(indent + 2)
                    guard write(element, indent: indent + 2) else { return false }
                }
                bytes.append(UInt8(ascii: "\n"))
                spaces(indent)
                bytes.append(UInt8(ascii: "]"))
            case let .object(members):
                bytes.append(UInt8(ascii: "{"))
                bytes.append(UInt8(ascii: "\n"))
                var first = true
                for key in members.keys.sorted() {
                    guard Self.isPlain(key) else { return false }
                    if !first { bytes.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
                    first = false
                    spaces(indent + 2)
                    bytes.append(UInt8(ascii: "\""))
                    bytes.append(contentsOf: key.utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
                    guard write(members[key]!, indent: indent + 2) else { return false }
                }
                bytes.append(UInt8(ascii: "\n"))
                spaces(indent)
                bytes.append(UInt8(ascii: "}"))
            }
            return true
        }

        private mutating func spaces(_ count: Int) {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        }

        /// A string or decimal as the encoder writes it alone.
        private mutating func fragment(_ value: TemplateValue) {
            if fragmentEncoder == nil { fragmentEncoder = TemplateRenderer.encoder }
            bytes.append(contentsOf: (try? fragmentEncoder!.encode(value)) ?? Data())
        }

        /// Printable ASCII without a quote or a backslash: written as it is, between quotes.
        static func isPlain(_ text: String) -> Bool {
            text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        }
    }
}
