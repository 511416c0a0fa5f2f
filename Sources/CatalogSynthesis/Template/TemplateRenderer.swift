import CatalogModel
import Foundation

/// Renders templates as canonical JSON: sorted keys, unescaped slashes, and either compact (no
/// whitespace: what is stored) or laid out (`TemplateLayout`: what is hashed and written to
/// disk), so the same template is always the same bytes.
///
/// The laid-out bytes are Foundation's `JSONEncoder` output with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`. Objects, arrays, integers, booleans and strings are written
/// directly (about a tenth of the encoder's time), strings escaped as the encoder escapes them;
/// a decimal, whose spelling is the encoder's, is handed to it, and a document with a key that
/// is not plain ASCII (whose order is the encoder's to decide) is encoded by it whole.
/// `TemplateRendererTests` compares the two.
public enum TemplateRenderer {
    /// The laid-out text.
    public static func json(_ value: TemplateValue) -> String {
        TemplateLayout.laidOut(compactJSON(value))
    }

    /// The compact text.
    public static func compactJSON(_ value: TemplateValue) -> String {
        var writer = Writer()
        writer.bytes.reserveCapacity(8 * 1024)
        guard writer.write(value) else { return encoderJSON(value) }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The same document, compact, through `JSONEncoder` alone.
    static func encoderJSON(_ value: TemplateValue) -> String {
        // Encoding plain strings, numbers, booleans, arrays and objects cannot fail.
        String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private struct Writer {
        var bytes: [UInt8] = []
        /// Made on first use: most templates have no decimal.
        var fragmentEncoder: JSONEncoder?

        /// Appends `value`; false when the encoder must write the whole document.
        ///
        /// Punctuation is appended a byte at a time and elements are reached by index: a shared
        /// byte array or a copied element costs a retain and a release each, which were most of
        /// this function's time.
        mutating func write(_ value: TemplateValue) -> Bool {
            switch value {
            case let .string(text): string(text)
            case let .number(number): bytes.append(contentsOf: String(number).utf8)
            case .decimal: fragment(value)
            case let .bool(flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
            case let .array(values):
                bytes.append(UInt8(ascii: "["))
                for index in values.indices {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    guard write(values[index]) else { return false }
                }
                bytes.append(UInt8(ascii: "]"))
            case let .object(object):
                bytes.append(UInt8(ascii: "{"))
                // Members are kept sorted. Plain keys are ASCII, whose `String` order is their
                // byte order, the order the encoder writes.
                let members = object.members
                for index in members.indices {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    guard plainKey(members[index].key) else { return false }
                    bytes.append(UInt8(ascii: ":"))
                    guard write(members[index].value) else { return false }
                }
                bytes.append(UInt8(ascii: "}"))
            }
            return true
        }

        /// Appends a key between quotes when it is plain (printable ASCII without a quote or a
        /// backslash, written as it is); false, appending nothing, when it is not.
        private mutating func plainKey(_ key: String) -> Bool {
            Self.withUTF8(of: key) { utf8 in
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
            Self.withUTF8(of: text) { utf8 in
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

        /// `text`'s UTF-8 bytes in place when the string is stored contiguously (as every string
        /// built in Swift is), from a copy otherwise.
        private static func withUTF8<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
            var copy = text
            return copy.withUTF8(body)
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
                bytes.append(contentsOf: "u00".utf8)
                bytes.append(Self.hexDigit(byte >> 4))
                bytes.append(Self.hexDigit(byte & 0xF))
            }
        }

        private static func hexDigit(_ nibble: UInt8) -> UInt8 {
            nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
        }

        private static let quote = UInt8(ascii: "\"")
        private static let backslash = UInt8(ascii: "\\")

        /// A decimal as the encoder writes it alone.
        private mutating func fragment(_ value: TemplateValue) {
            if fragmentEncoder == nil { fragmentEncoder = TemplateRenderer.encoder }
            bytes.append(contentsOf: (try? fragmentEncoder!.encode(value)) ?? Data())
        }
    }
}
