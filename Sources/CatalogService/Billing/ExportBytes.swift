import CatalogModel
internal import CompressNIO
import Foundation
internal import NIOCore

/// The bytes of a billing export file, in chunks of about a megabyte: as they are, or inflated
/// when the file starts with gzip's magic bytes (1f 8b), whatever its name. Concatenated gzip
/// members (as `cat a.gz b.gz` makes) are read one after the other.
final class ExportBytes {
    let path: String
    let isGzip: Bool
    private let handle: FileHandle
    private var finished = false
    private let gzip: Gzip?

    static let chunkSize = 1 << 20

    /// Opens `path`; throws `BillingError` when it is missing, a folder, unreadable or empty.
    init(path: String) throws {
        self.path = path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw BillingError.cannotRead(file: path, reason: "no such file")
        }
        if isFolder.boolValue { throw BillingError.cannotRead(file: path, reason: "it is a folder; name the export's files") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw BillingError.cannotRead(file: path, reason: "it cannot be opened for reading")
        }
        self.handle = handle
        let head = (try? handle.read(upToCount: 2)) ?? Data()
        if head.isEmpty { throw BillingError.emptyFile(file: path) }
        try handle.seek(toOffset: 0)
        isGzip = head.count == 2 && head[head.startIndex] == 0x1F && head[head.startIndex + 1] == 0x8B
        gzip = isGzip ? try Gzip(path: path) : nil
    }

    deinit { try? handle.close() }

    /// The next chunk, or `nil` at the end of the file.
    func next() throws -> [UInt8]? {
        guard !finished else { return nil }
        if let gzip {
            let chunk = try gzip.next(handle)
            if chunk == nil { finished = true }
            return chunk
        }
        guard let data = try handle.read(upToCount: Self.chunkSize), !data.isEmpty else {
            finished = true
            return nil
        }
        return [UInt8](data)
    }

    /// zlib through CompressNIO: compressed bytes in, inflated chunks out.
    private final class Gzip {
        let path: String
        let decompressor: ZlibDecompressor
        var input = ByteBufferAllocator().buffer(capacity: 256 * 1024)
        var output = ByteBufferAllocator().buffer(capacity: ExportBytes.chunkSize)
        var endOfFile = false
        var members = 0

        init(path: String) throws {
            self.path = path
            decompressor = try ZlibDecompressor(algorithm: .gzip)
        }

        func next(_ handle: FileHandle) throws -> [UInt8]? {
            output.clear()
            while true {
                if input.readableBytes == 0 && !endOfFile {
                    input.clear()
                    if let data = try handle.read(upToCount: 256 * 1024), !data.isEmpty {
                        input.writeBytes(data)
                    } else {
                        endOfFile = true
                    }
                }
                let before = input.readableBytes, written = output.readableBytes
                do {
                    try decompressor.inflate(from: &input, to: &output)
                    // zlib stopped at the end of a member: another may follow.
                    if input.readableBytes > 0 && input.readableBytes == before && output.readableBytes == written {
                        guard input.getBytes(at: input.readerIndex, length: min(2, input.readableBytes)) == [0x1F, 0x8B] else {
                            // Padding after the last member (zeros) is ignored, as gzip itself does.
                            input.moveReaderIndex(forwardBy: input.readableBytes)
                            if endOfFile { return take() }
                            continue
                        }
                        try decompressor.reset()
                        members += 1
                        continue
                    }
                    if input.readableBytes == 0 && endOfFile { return take() }
                } catch let error as CompressNIOError where error == .bufferOverflow {
                    return take()
                } catch let error as CompressNIOError where error == .inputBufferOverflow {
                    if endOfFile { throw BillingError.notAnExport(file: path, reason: "the gzip data ends early (a truncated download?)") }
                } catch let error as CompressNIOError where error == .corruptData {
                    throw BillingError.notAnExport(file: path, reason: "it starts like gzip but its data is damaged")
                }
            }
        }

        private func take() -> [UInt8]? {
            output.readableBytes == 0 ? nil : output.readBytes(length: output.readableBytes)
        }
    }
}
