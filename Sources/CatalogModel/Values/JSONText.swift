/// JSON text written directly, byte for byte as Foundation's `JSONEncoder` writes it with
/// `[.sortedKeys, .withoutEscapingSlashes]` and no layout: strings, arrays of strings and
/// objects of strings with plain keys. Templates are made of such strings, and the store writes
/// thousands of tag sets and name lists per command: an encoder each time cost more than the
/// writing. `JSONTextTests` compares the two.
public enum JSONText {
    /// `strings` as a JSON array.
    public static func array(_ strings: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, string) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(string, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `members` as a JSON object, keys sorted; nil when a key is not plain (see
    /// `appendPlainKey`), whose place in the order is the encoder's to decide.
    public static func object(_ members: [String: String]) -> String? {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        // Plain keys are ASCII, whose `String` order is their byte order, the encoder's order.
        for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard appendPlainKey(member.key, to: &bytes) else { return nil }
            bytes.append(UInt8(ascii: ":"))
            appendString(member.value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends a key between quotes when it is plain (printable ASCII without a quote or a
    /// backslash, written as it is); false, appending nothing, when it is not.
    public static func appendPlainKey(_ key: String, to bytes: inout [UInt8]) -> Bool {
        withUTF8(of: key) { utf8 in
            for byte in utf8 where byte < 0x20 || byte >= 0x7F || byte == quote || byte == backslash {
                return false
            }
            bytes.append(quote)
            bytes.append(contentsOf: utf8)
            bytes.append(quote)
            return true
        }
    }

    /// Appends a string between quotes, escaped as the encoder escapes it: a quote, a backslash
    /// and control characters; anything else (a slash, text that is not ASCII) as it is.
    public static func appendString(_ text: String, to bytes: inout [UInt8]) {
        withUTF8(of: text) { utf8 in
            bytes.append(quote)
            var plainFrom = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == quote || byte == backslash {
                bytes.append(contentsOf: utf8[plainFrom..<index])
                appendEscaped(byte, to: &bytes)
                plainFrom = index + 1
            }
            bytes.append(contentsOf: utf8[plainFrom...])
            bytes.append(quote)
        }
    }

    /// `text`'s UTF-8 bytes in place when the string is stored contiguously (as every string
    /// built in Swift is), from a copy otherwise.
    private static func withUTF8<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    private static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(backslash)
        switch byte {
        case quote, backslash: bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(hexDigit(byte >> 4))
            bytes.append(hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
}
