/// The layout of a template's text. A template is rendered, hashed and written to disk laid
/// out: two-space indentation, `" : "` between a key and its value, each member and element on
/// a line of its own, an empty object or array as `{`, a blank line and `}`, and a final newline
/// (the layout of Foundation's `JSONEncoder` with `.prettyPrinted`). It is stored compact, without
/// that whitespace, which is about two fifths of its bytes, and laid out again when read.
///
/// Laying out ignores the whitespace it finds between tokens, so text that is already laid out
/// comes back unchanged: texts stored before they were stored compact need no conversion.
public enum TemplateLayout {
    /// `text` laid out. Text that is not a JSON object or array, or whose brackets do not pair
    /// up, is given back as it is: laying out never fails, and a text that was damaged in the
    /// database then fails the hash check that `verify` makes.
    public static func laidOut(_ text: String) -> String {
        String(decoding: laidOutUTF8(text), as: UTF8.self)
    }

    /// `laidOut(text)` as UTF-8 bytes, for hashing without a second copy.
    public static func laidOutUTF8(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { input in
            var writer = Writer(input)
            return writer.layOut() ? writer.output : Array(input)
        }
    }

    /// Deeper nesting than this is not laid out (a template nests a dozen levels at most).
    static let maximumDepth = 256

    private struct Writer {
        let input: UnsafeBufferPointer<UInt8>
        var output: [UInt8] = []
        var position = 0

        init(_ input: UnsafeBufferPointer<UInt8>) {
            self.input = input
            // Templates grow by about four fifths when laid out.
            output.reserveCapacity(input.count * 2 + 16)
        }

        /// Lays the whole input out into `output`; false when it is not an object or array
        /// whose brackets pair up, with only whitespace after it.
        mutating func layOut() -> Bool {
            guard let first = nextToken(), first == Self.openBrace || first == Self.openBracket else { return false }
            // The closing bracket each open container expects.
            var closers: [UInt8] = []
            var byte = first
            while true {
                switch byte {
                case Self.openBrace, Self.openBracket:
                    guard closers.count < TemplateLayout.maximumDepth else { return false }
                    let closer = byte == Self.openBrace ? Self.closeBrace : Self.closeBracket
                    output.append(byte)
                    if nextToken(peeking: true) == closer {
                        // Empty: the encoder's blank line.
                        position += 1
                        output.append(Self.newline)
                        newLine(depth: closers.count)
                        output.append(closer)
                    } else {
                        closers.append(closer)
                        newLine(depth: closers.count)
                    }
                case Self.closeBrace, Self.closeBracket:
                    guard closers.popLast() == byte else { return false }
                    newLine(depth: closers.count)
                    output.append(byte)
                case Self.comma:
                    guard !closers.isEmpty else { return false }
                    output.append(byte)
                    newLine(depth: closers.count)
                case Self.colon:
                    output.append(Self.space)
                    output.append(Self.colon)
                    output.append(Self.space)
                case Self.quote:
                    guard copyString() else { return false }
                default:
                    copyScalar()
                }
                if closers.isEmpty {
                    guard nextToken() == nil else { return false }
                    output.append(Self.newline)
                    return true
                }
                guard let next = nextToken() else { return false }
                byte = next
            }
        }

        /// The next byte that is not whitespace, consumed unless `peeking`; nil at the end.
        mutating func nextToken(peeking: Bool = false) -> UInt8? {
            while position < input.count {
                let byte = input[position]
                if byte == Self.space || byte == Self.newline || byte == Self.tab || byte == Self.carriageReturn {
                    position += 1
                    continue
                }
                if !peeking { position += 1 }
                return byte
            }
            return nil
        }

        /// A newline and the indentation of `depth` levels.
        mutating func newLine(depth: Int) {
            output.append(Self.newline)
            output.append(contentsOf: repeatElement(Self.space, count: depth * 2))
        }

        /// Copies a string whose opening quote was just consumed, through its closing quote;
        /// false when it has none.
        mutating func copyString() -> Bool {
            let start = position - 1
            while position < input.count {
                let byte = input[position]
                position += 1
                if byte == Self.backslash {
                    position += 1
                } else if byte == Self.quote {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<position]))
                    return true
                }
            }
            return false
        }

        /// Copies a number, `true`, `false` or `null` whose first byte was just consumed.
        mutating func copyScalar() {
            let start = position - 1
            while position < input.count, !Self.endsScalar(input[position]) { position += 1 }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<position]))
        }

        static func endsScalar(_ byte: UInt8) -> Bool {
            byte == comma || byte == closeBrace || byte == closeBracket || byte == colon || byte == space
                || byte == newline || byte == tab || byte == carriageReturn
        }

        static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
        static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
        static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":"), quote = UInt8(ascii: "\"")
        static let backslash = UInt8(ascii: "\\"), space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
        static let tab = UInt8(ascii: "\t"), carriageReturn = UInt8(ascii: "\r")
    }
}
