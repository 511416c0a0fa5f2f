import CatalogModel

/// Reads CSV records (RFC 4180: quoted fields may hold commas, quotes doubled, and line breaks)
/// from an export's byte chunks, one record at a time, keeping only the current record: a file
/// of any size is read in bounded memory. Fields are kept as bytes until asked for, since an
/// export has dozens of columns and an import reads ten.
///
/// Hand-written rather than yaslab/CSV.swift 2.5.2: that reader decodes every character through
/// an `AnyIterator<UnicodeScalar>` into Strings (slower by far on a million rows of 50 columns,
/// see BENCHMARKS.md), reads from an `InputStream` only (no way to feed it inflated
/// chunks on Linux without subclassing one) and does not say which line a record is on.
final class CSVRecordReader {
    private let bytes: ExportBytes
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The unescaped bytes of the current record's fields, one after another.
    private(set) var fieldBytes: [UInt8] = []
    /// Where each field of the current record ends in `fieldBytes`.
    private(set) var fieldEnds: [Int] = []
    /// The line the current record starts on (from 1).
    private(set) var line = 0
    private var nextLine = 1

    init(_ bytes: ExportBytes) {
        self.bytes = bytes
        fieldBytes.reserveCapacity(4096)
    }

    /// The longest record read (its bytes and fields), far past any billing row.
    static let maxRecordBytes = 4 << 20

    var fieldCount: Int { fieldEnds.count }

    /// Field `index` of the current record as text; empty past the last field.
    func field(_ index: Int) -> String {
        guard index < fieldEnds.count else { return "" }
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return String(decoding: fieldBytes[start..<fieldEnds[index]], as: UTF8.self)
    }

    /// Whether field `index` is empty.
    func isEmpty(_ index: Int) -> Bool {
        index >= fieldEnds.count || (index == 0 ? 0 : fieldEnds[index - 1]) == fieldEnds[index]
    }

    /// Reads the next record that is not a blank line; `false` at the end of the file. Throws
    /// when a quoted field is never closed.
    func next() throws -> Bool {
        while true {
            guard try readRecord() else { return false }
            if !(fieldEnds.count == 1 && fieldEnds[0] == 0) { return true }
        }
    }

    private func readRecord() throws -> Bool {
        fieldBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        line = nextLine
        var quoted = false, afterQuote = false, sawAnything = false
        while true {
            if position == chunk.count {
                guard !atEnd, let next = try bytes.next() else {
                    atEnd = true
                    if quoted {
                        throw BillingError.badFile(file: bytes.path, line: line,
                                                   reason: "a quoted field opened here is never closed")
                    }
                    if !sawAnything { return false }
                    fieldEnds.append(fieldBytes.count)
                    return true
                }
                chunk = next
                position = 0
                if line == 1 && nextLine == 1 && !sawAnything && chunk.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
                continue
            }
            // The loop works on locals, handed back after it: a class's stored properties would
            // be checked for exclusive access at every byte.
            var bytesOut: [UInt8] = [], endsOut: [Int] = [], lines = nextLine
            swap(&bytesOut, &fieldBytes)
            swap(&endsOut, &fieldEnds)
            defer {
                swap(&bytesOut, &fieldBytes)
                swap(&endsOut, &fieldEnds)
                nextLine = lines
            }
            let done: Bool = chunk.withUnsafeBufferPointer { buffer in
                var index = position
                defer { position = index }
                while index < buffer.count {
                    let byte = buffer[index]
                    index += 1
                    sawAnything = true
                    if quoted {
                        if byte == 0x22 {
                            quoted = false
                            afterQuote = true
                        } else {
                            if byte == 0x0A { lines += 1 }
                            bytesOut.append(byte)
                        }
                        continue
                    }
                    switch byte {
                    case 0x22:
                        // A doubled quote inside a quoted field is one quote.
                        if afterQuote { bytesOut.append(0x22) }
                        quoted = true
                        afterQuote = false
                    case 0x2C:
                        endsOut.append(bytesOut.count)
                        afterQuote = false
                    case 0x0A:
                        lines += 1
                        endsOut.append(bytesOut.count)
                        return true
                    case 0x0D:
                        break
                    default:
                        bytesOut.append(byte)
                        afterQuote = false
                    }
                }
                return false
            }
            if done { return true }
            // Checked once a chunk: a record outgrows any real row (a quote never closed, a
            // file that is not CSV) long before it costs memory.
            if bytesOut.count + endsOut.count > Self.maxRecordBytes {
                throw BillingError.badFile(file: bytes.path, line: line, reason: "a row starting here runs past "
                    + "\(Self.maxRecordBytes >> 20) MB (a quoted field never closed, or not a CSV file); rows of an "
                    + "export are a few KB")
            }
        }
    }
}
