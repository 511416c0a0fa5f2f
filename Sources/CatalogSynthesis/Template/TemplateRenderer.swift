import Foundation

/// Renders templates as canonical JSON: sorted keys, two-space indentation, unescaped slashes
/// and a final newline, so the same template is always the same bytes.
///
/// The bytes are Foundation's `JSONEncoder` output with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`. Objects, arrays, integers, booleans and strings are written
/// directly in that layout (about a tenth of the encoder's time), strings escaped as the encoder
/// escapes them; a decimal, whose spelling is the encoder's, is handed to it, and a document
/// with a key that is not plain ASCII (whose order is the encoder's to decide) is encoded by it
/// whole. `TemplateRendererTests` compares the two.
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
        /// Made on first use: most templates have no decimal.
        var fragmentEncoder: JSONEncoder?

        /// Appends `value` at `indent` spaces; false when the encoder must write the whole document.
        mutating func write(_ value: TemplateValue, indent: Int) -> Bool {
            switch value {
            case let .string(text): string(text)
            case let .number(number): bytes.append(contentsOf: String(number).utf8)
            case .decimal: fragment(value)
            case let .bool(flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
            case let .array(values):
                bytes.append(contentsOf: Self.openArray)
                for (index, element) in values.enumerated() {
                    if index > 0 { bytes.append(contentsOf: Self.separator) }
                    spaces(indent + 2)
                    guard write(element, indent: indent + 2) else { return false }
                }
                bytes.append(.init(ascii: "\n"))
                spaces(indent)
                bytes.append(.init(ascii: "]"))
            case let .object(members):
                bytes.append(contentsOf: Self.openObject)
                // Members are kept sorted. Plain keys are ASCII, whose `String` order is their
                // byte order, the order the encoder writes.
                for (index, member) in members.members.enumerated() {
                    if index > 0 { bytes.append(contentsOf: Self.separator) }
                    spaces(indent + 2)
                    guard plainKey(member.key) else { return false }
                    bytes.append(contentsOf: Self.colon)
                    guard write(member.value, indent: indent + 2) else { return false }
                }
                bytes.append(.init(ascii: "\n"))
                spaces(indent)
                bytes.append(.init(ascii: "}"))
            }
            return true
        }

        private static let separator: [UInt8] = Array(",\n".utf8)
        private static let colon: [UInt8] = Array(" : ".utf8)
        private static let indentation = [UInt8](repeating: .init(ascii: " "), count: 64)

        private static let openArray: [UInt8] = Array("[\n".utf8)
        private static let openObject: [UInt8] = Array("{\n".utf8)

        private mutating func spaces(_ count: Int) {
            var left = count
            while left > 0 {
                let run = min(left, Self.indentation.count)
                bytes.append(contentsOf: Self.indentation[..<run])
                left -= run
            }
        }

        /// Appends a key between quotes when it is plain (printable ASCII without a quote or a
        /// backslash, written as it is); false, appending nothing, when it is not.
        private mutating func plainKey(_ key: String) -> Bool {
            var key = key
            return key.withUTF8 { utf8 in
                for byte in utf8 where byte < 0x20 || byte >= 0x7F || byte == Self.quote || byte == Self.backslash {
                    return false
                }
                bytes.append(Self.quote)
                bytes.append(contentsOf: utf8)
                bytes.append(Self.quote)
                return true
            }
        }

        /// Appends a string value between quotes, escaped as the encoder escapes it: a quote, a
        /// backslash and control characters; anything else (a slash, text that is not ASCII) as it is.
        private mutating func string(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                bytes.append(Self.quote)
                var plainFrom = 0
                for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == Self.quote || byte == Self.backslash {
                    bytes.append(contentsOf: utf8[plainFrom..<index])
                    escape(byte)
                    plainFrom = index + 1
                }
                bytes.append(contentsOf: utf8[plainFrom...])
                bytes.append(Self.quote)
            }
        }

        private mutating func escape(_ byte: UInt8) {
            bytes.append(Self.backslash)
            switch byte {
            case Self.quote, Self.backslash: bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(contentsOf: Array("u00".utf8))
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            }
        }

        private static let quote = UInt8(ascii: "\"")
        private static let backslash = UInt8(ascii: "\\")
        private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

        /// A decimal as the encoder writes it alone.
        private mutating func fragment(_ value: TemplateValue) {
            if fragmentEncoder == nil { fragmentEncoder = TemplateRenderer.encoder }
            bytes.append(contentsOf: (try? fragmentEncoder!.encode(value)) ?? Data())
        }
    }
}
