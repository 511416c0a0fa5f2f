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
        withTexts(value) { _, laidOut in String(decoding: laidOut, as: UTF8.self) }
    }

    /// The compact text.
    public static func compactJSON(_ value: TemplateValue) -> String {
        var writer = Writer(layingOut: false)
        defer { writer.deallocate() }
        guard writer.write(value, depth: 0) else { return encoderJSON(value) }
        return String(decoding: writer.compact, as: UTF8.self)
    }

    /// Calls `body` with both texts, written together: the compact one (stored) and the bytes of
    /// the laid-out one (hashed), which live only for the call. The laid-out bytes are
    /// `TemplateLayout`'s layout of the compact text, written without reading it again (a
    /// template is an object; anything else, or nesting deeper than `TemplateLayout` lays out,
    /// is laid out by it).
    public static func withTexts<Result>(_ value: TemplateValue, _ body: (String, UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        var writer = Writer(layingOut: true)
        defer { writer.deallocate() }
        guard value.isContainer, writer.write(value, depth: 0) else {
            let compact = encoderJSON(value)
            return try TemplateLayout.withLaidOut(compact) { try body(compact, $0) }
        }
        writer.laidOut.append(UInt8(ascii: "\n"))
        return try body(String(decoding: writer.compact, as: UTF8.self), writer.laidOut.bytes)
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

    /// Writes the compact text and, when `layingOut`, the laid-out one beside it: each token
    /// is written compact first and its bytes copied, and the laid-out text adds the newlines,
    /// indentation and `" : "` that `TemplateLayout` would.
    private struct Writer {
        var compact: [UInt8] = []
        var laidOut: TemplateLayout.Output
        let layingOut: Bool
        /// Made on first use: most templates have no decimal.
        var fragmentEncoder: JSONEncoder?

        init(layingOut: Bool) {
            self.layingOut = layingOut
            compact.reserveCapacity(8 * 1024)
            // Templates grow by about four fifths when laid out.
            laidOut = TemplateLayout.Output(capacity: layingOut ? 16 * 1024 : 1)
        }

        func deallocate() { laidOut.deallocate() }

        /// Appends `value`, nested `depth` levels deep; false when the encoder must write the
        /// whole document.
        ///
        /// Punctuation is appended a byte at a time and elements are reached by index: a shared
        /// byte array or a copied element costs a retain and a release each, which were most of
        /// this function's time.
        mutating func write(_ value: TemplateValue, depth: Int) -> Bool {
            // Deeper than `TemplateLayout` lays out: the encoder writes it, and the layout gives it back as it is.
            guard depth < TemplateLayout.maximumDepth else { return false }
            let start = compact.count
            switch value {
            case let .string(text): JSONText.appendString(text, to: &compact)
            case let .number(number): compact.append(contentsOf: String(number).utf8)
            case .decimal: compact.append(contentsOf: fragment(value))
            case let .bool(flag): compact.append(contentsOf: (flag ? "true" : "false").utf8)
            case let .array(values):
                open(UInt8(ascii: "["), empty: values.isEmpty)
                for index in values.indices {
                    separate(first: index == 0, depth: depth + 1)
                    guard write(values[index], depth: depth + 1) else { return false }
                }
                close(UInt8(ascii: "]"), depth: depth)
                return true
            case let .object(object):
                // Members are kept sorted. Plain keys are ASCII, whose `String` order is their
                // byte order, the order the encoder writes.
                let members = object.members
                open(UInt8(ascii: "{"), empty: members.isEmpty)
                for index in members.indices {
                    separate(first: index == 0, depth: depth + 1)
                    let key = compact.count
                    guard JSONText.appendPlainKey(members[index].key, to: &compact) else { return false }
                    copyToLaidOut(from: key)
                    compact.append(UInt8(ascii: ":"))
                    if layingOut { laidOut.appendKeySeparator() }
                    guard write(members[index].value, depth: depth + 1) else { return false }
                }
                close(UInt8(ascii: "}"), depth: depth)
                return true
            }
            copyToLaidOut(from: start)
            return true
        }

        /// Copies what the compact text gained from `start` on to the laid-out one.
        private mutating func copyToLaidOut(from start: Int) {
            guard layingOut else { return }
            compact.withUnsafeBufferPointer { laidOut.append(UnsafeBufferPointer(rebasing: $0[start...])) }
        }

        /// An opening bracket; an empty container's blank line, as the encoder writes it.
        private mutating func open(_ bracket: UInt8, empty: Bool) {
            compact.append(bracket)
            guard layingOut else { return }
            laidOut.append(bracket)
            if empty { laidOut.append(UInt8(ascii: "\n")) }
        }

        /// Before a member or element: a comma after the first (in both texts), then a new line.
        private mutating func separate(first: Bool, depth: Int) {
            if !first { compact.append(UInt8(ascii: ",")) }
            guard layingOut else { return }
            if !first { laidOut.append(UInt8(ascii: ",")) }
            laidOut.newLine(depth: depth)
        }

        /// A closing bracket, on a line of its own in the laid-out text.
        private mutating func close(_ bracket: UInt8, depth: Int) {
            compact.append(bracket)
            guard layingOut else { return }
            laidOut.newLine(depth: depth)
            laidOut.append(bracket)
        }

        /// A decimal as the encoder writes it alone.
        private mutating func fragment(_ value: TemplateValue) -> Data {
            if fragmentEncoder == nil { fragmentEncoder = TemplateRenderer.encoder }
            return (try? fragmentEncoder!.encode(value)) ?? Data()
        }
    }
}

private extension TemplateValue {
    /// Whether this is an object or an array, which `TemplateLayout` lays out.
    var isContainer: Bool {
        switch self {
        case .object, .array: true
        case .string, .number, .decimal, .bool: false
        }
    }
}
