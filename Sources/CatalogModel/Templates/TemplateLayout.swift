import Foundation

/// The layout of a template's text. A template is rendered, hashed and written to disk laid
/// out: two-space indentation, `" : "` between a key and its value, each member and element on
/// a line of its own, an empty object or array as `{`, a blank line and `}`, and a final newline
/// (the layout of Foundation's `JSONEncoder` with `.prettyPrinted`). It is stored compact, without
/// that whitespace, which is about two fifths of its bytes, and laid out again when read.
///
/// Laying out ignores the whitespace it finds between tokens, so text that is already laid out
/// comes back unchanged: texts stored before they were stored compact need no conversion.
public enum TemplateLayout {
    /// `text` laid out. Text that is not a JSON object or array whose tokens follow one another
    /// as JSON's do is given back as it is: laying out never fails, and a text that was damaged
    /// in the database then fails the hash check that `verify` makes (whitespace between tokens
    /// is not stored, and changes no text that is read).
    public static func laidOut(_ text: String) -> String {
        withLaidOut(text) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of `laidOut(text)`, which live only for the call (for
    /// hashing them without a copy).
    public static func withLaidOut<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        var text = text
        return try text.withUTF8 { input in
            var writer = Writer(input)
            defer { writer.output.deallocate() }
            return try body(writer.layOut() ? writer.output.bytes : input)
        }
    }

    /// Deeper nesting than this is given back as it is, so that a damaged text cannot grow
    /// without bound when laid out (indentation grows with depth). A synthesized template nests
    /// a dozen levels.
    public static let maximumDepth = 256

    /// A laid-out text being written (here, and by the renderer beside a compact one): a
    /// buffer of its own that makes room a token at a time rather than a byte at a time, and
    /// the layout's whitespace.
    public struct Output {
        @usableFromInline var buffer: UnsafeMutablePointer<UInt8>
        @usableFromInline var capacity: Int
        @usableFromInline var count = 0

        /// Room for `capacity` bytes to begin with; `deallocate()` when done.
        public init(capacity: Int) {
            self.capacity = max(capacity, 1)
            buffer = .allocate(capacity: self.capacity)
        }

        /// The bytes written so far, valid until the next write or `deallocate()`.
        public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: count) }

        public func deallocate() { buffer.deallocate() }

        /// Makes room for `extra` more bytes.
        @inlinable public mutating func reserve(_ extra: Int) {
            guard count + extra > capacity else { return }
            let larger = max(capacity * 2, count + extra)
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
            moved.initialize(from: buffer, count: count)
            buffer.deallocate()
            (buffer, capacity) = (moved, larger)
        }

        @inlinable public mutating func append(_ byte: UInt8) {
            reserve(1)
            buffer[count] = byte
            count += 1
        }

        @inlinable public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let base = bytes.baseAddress else { return }
            reserve(bytes.count)
            (buffer + count).initialize(from: base, count: bytes.count)
            count += bytes.count
        }

        /// `" : "` between a key and its value.
        @inlinable public mutating func appendKeySeparator() {
            reserve(3)
            (buffer[count], buffer[count + 1], buffer[count + 2]) = (UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " "))
            count += 3
        }

        /// A newline and the indentation of `depth` levels (two spaces each).
        @inlinable public mutating func newLine(depth: Int) {
            reserve(1 + depth * 2)
            buffer[count] = UInt8(ascii: "\n")
            (buffer + count + 1).initialize(repeating: UInt8(ascii: " "), count: depth * 2)
            count += 1 + depth * 2
        }
    }

    /// Lays a text out into an `Output`, and finds the end of a string with `memchr`: most of a
    /// template's bytes are in its strings.
    private struct Writer {
        let input: UnsafeBufferPointer<UInt8>
        // Templates grow by about four fifths when laid out.
        var output: Output
        private var position = 0

        init(_ input: UnsafeBufferPointer<UInt8>) {
            self.input = input
            output = Output(capacity: input.count * 2 + 64)
        }

        /// What the next token may be: a value, an object's key, the colon after a key, or
        /// what follows a value (a comma or a closing bracket).
        private enum Expecting { case value, key, colon, separator }

        /// Lays the whole input out into `output`; false when it is not an object or array
        /// whose tokens follow one another as JSON's do (whitespace inside a number or a word
        /// would otherwise be dropped unseen), with only whitespace after it. The tokens'
        /// own bytes are copied as they are.
        mutating func layOut() -> Bool {
            guard let first = nextToken(peeking: true), first == Self.openBrace || first == Self.openBracket else { return false }
            // The closing bracket each open container expects.
            var closers: [UInt8] = []
            closers.reserveCapacity(32)
            var expecting = Expecting.value
            while let byte = nextToken() {
                switch (byte, expecting) {
                case (Self.openBrace, .value), (Self.openBracket, .value):
                    guard closers.count < TemplateLayout.maximumDepth else { return false }
                    let closer = byte == Self.openBrace ? Self.closeBrace : Self.closeBracket
                    append(byte)
                    if nextToken(peeking: true) == closer {
                        // Empty: the encoder's blank line.
                        position += 1
                        append(Self.newline)
                        newLine(depth: closers.count)
                        append(closer)
                        expecting = .separator
                    } else {
                        closers.append(closer)
                        newLine(depth: closers.count)
                        expecting = byte == Self.openBrace ? .key : .value
                    }
                case (Self.closeBrace, .separator), (Self.closeBracket, .separator):
                    guard closers.popLast() == byte else { return false }
                    newLine(depth: closers.count)
                    append(byte)
                case (Self.comma, .separator):
                    guard let closer = closers.last else { return false }
                    append(byte)
                    newLine(depth: closers.count)
                    expecting = closer == Self.closeBrace ? .key : .value
                case (Self.colon, .colon):
                    output.appendKeySeparator()
                    expecting = .value
                case (Self.quote, .key), (Self.quote, .value):
                    guard copyString() else { return false }
                    expecting = expecting == .key ? .colon : .separator
                case (_, .value) where !Self.endsScalar(byte):
                    copyScalar()
                    expecting = .separator
                default:
                    return false
                }
                if closers.isEmpty && expecting == .separator {
                    guard nextToken() == nil else { return false }
                    append(Self.newline)
                    return true
                }
            }
            return false
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

        mutating func append(_ byte: UInt8) { output.append(byte) }

        /// Appends `input[range]`.
        mutating func append(_ range: Range<Int>) { output.append(UnsafeBufferPointer(rebasing: input[range])) }

        mutating func newLine(depth: Int) { output.newLine(depth: depth) }

        /// Copies a string whose opening quote was just consumed, through its closing quote (the
        /// first quote after an even number of backslashes); false when it has none.
        mutating func copyString() -> Bool {
            let start = position - 1
            guard let base = input.baseAddress else { return false }
            var searchFrom = position
            while searchFrom < input.count {
                guard let found = memchr(base + searchFrom, Int32(Self.quote), input.count - searchFrom) else { return false }
                let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                var backslashes = 0
                while quote - backslashes - 1 > start && input[quote - backslashes - 1] == Self.backslash { backslashes += 1 }
                if backslashes % 2 == 0 {
                    position = quote + 1
                    append(start..<position)
                    return true
                }
                searchFrom = quote + 1
            }
            return false
        }

        /// Copies a number, `true`, `false` or `null` whose first byte was just consumed.
        mutating func copyScalar() {
            let start = position - 1
            while position < input.count, !Self.endsScalar(input[position]) { position += 1 }
            append(start..<position)
        }

        /// Whether `byte` ends a number, `true`, `false` or `null`: punctuation, a quote or whitespace.
        static func endsScalar(_ byte: UInt8) -> Bool {
            byte == comma || byte == closeBrace || byte == closeBracket || byte == colon || byte == space
                || byte == newline || byte == tab || byte == carriageReturn || byte == quote || byte == openBrace
                || byte == openBracket
        }

        static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
        static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
        static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":"), quote = UInt8(ascii: "\"")
        static let backslash = UInt8(ascii: "\\"), space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
        static let tab = UInt8(ascii: "\t"), carriageReturn = UInt8(ascii: "\r")
    }
}
