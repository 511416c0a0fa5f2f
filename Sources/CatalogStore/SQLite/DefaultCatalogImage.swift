internal import CompressNIO
import Foundation
internal import GRDB
internal import NIOCore

/// The file a new SQLite catalog starts as: every migration applied and the default catalog
/// loaded, made once and embedded (gzip, `DefaultCatalog/default-catalog.sqlite.gz`), so that a
/// new catalog is one file write instead of the schema's statements, a decode of the default
/// catalog and some 4,000 inserts. Its one revision is recorded at `recordedAt`; each new file
/// gets the time it is made instead (the timestamp has the same length, so the bytes are
/// replaced in place). `DefaultCatalogImageTests` checks that a catalog made from the image is
/// the one the migrations and the default catalog make (rows, schema, migrations), and writes
/// the image again with RECORD_SNAPSHOTS=1.
enum DefaultCatalogImage {
    static let recordedAt = Date(timeIntervalSince1970: 0)

    /// The image with its revision made at `date`, or nil when the embedded image cannot be used
    /// (then the catalog is built the slow way).
    static func bytes(at date: Date) -> [UInt8]? {
        var compressed = ByteBuffer(bytes: PackageResources.default_catalog_sqlite_gz)
        guard var inflated = try? compressed.decompress(with: .gzip, maxSize: 64 << 20),
              var image = inflated.readBytes(length: inflated.readableBytes) else { return nil }
        let placeholder = Array(SQLCatalogRepository.timestamp(recordedAt).utf8)
        let stamp = Array(SQLCatalogRepository.timestamp(date).utf8)
        guard stamp.count == placeholder.count, image.count > placeholder.count else { return nil }
        var found = 0
        image.withUnsafeMutableBytes { bytes in
            guard let start = bytes.baseAddress else { return }
            // memchr finds each candidate's first byte; memcmp checks the rest.
            var offset = 0
            while offset <= bytes.count - placeholder.count,
                  let candidate = memchr(start + offset, Int32(placeholder[0]), bytes.count - placeholder.count + 1 - offset) {
                offset = candidate - start
                if memcmp(candidate, placeholder, placeholder.count) == 0 {
                    stamp.withUnsafeBytes { candidate.copyMemory(from: $0.baseAddress!, byteCount: stamp.count) }
                    found += 1
                    offset += placeholder.count
                } else {
                    offset += 1
                }
            }
        }
        return found > 0 ? image : nil
    }

    /// Writes a new catalog file at `path` from the image (to a temporary file beside it, then
    /// linked into place, so no other process sees half a file and an existing file is never
    /// replaced). Returns false, having written nothing, when the image cannot be used or the
    /// file cannot be made that way; true when `path` now holds the new catalog.
    static func create(path: String, at date: Date = Date()) -> Bool {
        guard let image = bytes(at: date) else { return false }
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.deploycat-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(image)) else { return false }
        defer { unlink(temporary) }
        return link(temporary, path) == 0
    }

    /// Builds the image the slow way, as a new file would be without it: the migrations, then
    /// the default catalog loaded at `recordedAt`, then vacuumed (the same rows in fewer pages).
    static func build() throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deploycat-image-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("catalog.sqlite").path
        try buildWithoutImage(path: path, loadedAt: recordedAt)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "VACUUM") }
        try queue.close()
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Makes a new catalog at `path` as it is made without the image: the migrations, then the
    /// default catalog loaded at `date`; the file is closed when this returns.
    static func buildWithoutImage(path: String, loadedAt date: Date) throws {
        let writer = try LazyDatabaseWriter(path: path).get()
        let engine = SQLiteEngine(reader: writer, writer: { writer }, location: path)
        try SQLiteCatalog.migrate(engine)
        _ = try SQLCatalogRepository(engine: engine, loadsDefaultCatalog: true, loadedAt: date)
        try writer.close()
    }

    /// `build()` compressed as it is embedded.
    static func buildCompressed() throws -> [UInt8] {
        var image = ByteBuffer(bytes: try build())
        var compressed = try image.compress(with: .gzip)
        return compressed.readBytes(length: compressed.readableBytes) ?? []
    }
}
