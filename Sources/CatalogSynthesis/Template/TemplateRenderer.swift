import CatalogModel
import Foundation

/// Renders templates as canonical JSON: sorted keys, unescaped slashes, and either compact (no
/// whitespace: what is stored) or laid out (`TemplateLayout`: what is hashed and written to
/// disk), so the same template is always the same bytes.
///
/// The laid-out bytes are Foundation's `JSONEncoder` output with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`. Objects, arrays, integers, booleans and strings are written
/// directly (about a tenth of the encoder's time), strings through `JSONText`;
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
            case let .string(text): JSONText.appendString(text, to: &bytes)
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
                    guard JSONText.appendPlainKey(members[index].key, to: &bytes) else { return false }
                    bytes.append(UInt8(ascii: ":"))
                    guard write(members[index].value) else { return false }
                }
                bytes.append(UInt8(ascii: "}"))
            }
            return true
        }

        /// A decimal as the encoder writes it alone.
        private mutating func fragment(_ value: TemplateValue) {
            if fragmentEncoder == nil { fragmentEncoder = TemplateRenderer.encoder }
            bytes.append(contentsOf: (try? fragmentEncoder!.encode(value)) ?? Data())
        }
    }
}
