import CatalogModel
import Foundation

/// Writes a site into a folder: each file whole (to a temporary name, then renamed), and the
/// pages an earlier run wrote that this one does not (an app deleted since) removed. A folder
/// with other files and no list of an earlier run is refused; what is removed is only ever a
/// regular `.html` file inside the folder that the list names, so no one else's file goes.
public struct SiteWriter {
    /// The list of the files the last run wrote, one path a line.
    public static let manifest = ".deploycat-site"

    public var folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public struct Written: Sendable {
        public var files: Int
        public var bytes: Int
        /// The largest file's path and size in bytes.
        public var largest: (path: String, bytes: Int)
        /// Files of an earlier run removed.
        public var removed: Int
    }

    public func write(_ files: [SiteFile]) throws -> Written {
        let manager = FileManager.default
        let root = URL(fileURLWithPath: folder)
        let manifestURL = root.appendingPathComponent(Self.manifest)
        var earlier: [String] = []
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw SiteWriteError.notAFolder(folder) }
            if let list = try? String(contentsOf: manifestURL, encoding: .utf8) {
                earlier = list.split(separator: "\n").map(String.init)
            } else if !(try manager.contentsOfDirectory(atPath: folder)).isEmpty {
                throw SiteWriteError.notASite(folder)
            }
        }
        let current = Set(files.map(\.path))
        precondition(current.count == files.count, "two pages of the site have the same path")
        // The list names this run's pages before any is written, so a run that stops halfway
        // leaves a folder the next run takes as its own.
        try Self.makeFolder(root)
        try Self.writeList(Array(Set(earlier).union(current)), to: manifestURL)
        var written = Written(files: 0, bytes: 0, largest: ("", 0), removed: 0)
        var folders = Set<String>()
        for file in files {
            let folder = root.appendingPathComponent(file.path).deletingLastPathComponent()
            if folders.insert(folder.path).inserted { try Self.makeFolder(folder) }
        }
        // Ten thousand pages and more for a large catalog: written over all cores.
        let sizes = try Parallel.map(files) { file in
            try Self.writeWhole(file.text, to: root.appendingPathComponent(file.path).path)
        }
        for (file, size) in zip(files, sizes) {
            written.files += 1
            written.bytes += size
            if size > written.largest.bytes { written.largest = (file.path, size) }
        }
        for path in earlier where !current.contains(path) && Self.isPage(path, in: root) {
            if unlink(root.appendingPathComponent(path).path) == 0 { written.removed += 1 }
        }
        try Self.writeList(files.map(\.path), to: manifestURL)
        return written
    }

    private static func makeFolder(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw SiteWriteError.cannotWrite(url.path, reason(creating: url.path, error))
        }
    }

    private static func writeList(_ paths: [String], to url: URL) throws {
        try Data((paths.sorted().joined(separator: "\n") + "\n").utf8).write(to: url, options: .atomic)
    }

    /// Whether `path`, a line of the list, names a page this writer may remove: a relative
    /// `.html` path of plain names, a regular file (not a link or folder), whose folder is inside
    /// the site's (no link leads out of it).
    static func isPage(_ path: String, in root: URL) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard path.hasSuffix(".html"), !path.hasPrefix("/"),
              parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return false }
        let url = root.appendingPathComponent(path)
        var status = stat()
        guard lstat(url.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath().path
        let site = root.resolvingSymlinksInPath().path
        return folder == site || folder.hasPrefix(site + "/")
    }

    /// Writes `text` to a temporary file beside `path`, then renames it to `path`, so that a
    /// reader finds the earlier file or the new one whole, never part of one; returns its size
    /// in bytes. Not flushed to disk (no fsync, which cost as much as the rest of the writing on
    /// a busy disk): a site is written again from the catalog at will.
    static func writeWhole(_ text: String, to path: String) throws -> Int {
        let temporary = path + ".\(getpid()).tmp"
        var text = text
        let size = try text.withUTF8 { bytes -> Int in
            let handle = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard handle >= 0 else { throw SiteWriteError.cannotWrite(path, Self.reason(errno)) }
            defer { close(handle) }
            var offset = 0
            while offset < bytes.count {
                let count = Foundation.write(handle, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    let reason = Self.reason(errno)
                    unlink(temporary)
                    throw SiteWriteError.cannotWrite(path, reason)
                }
                offset += count
            }
            return bytes.count
        }
        guard rename(temporary, path) == 0 else {
            let reason = Self.reason(errno)
            unlink(temporary)
            throw SiteWriteError.cannotWrite(path, reason)
        }
        return size
    }

    /// Why a folder could not be made, in words: an ancestor that is a file, else the system's
    /// reason (Foundation's own error says little on Linux).
    private static func reason(creating path: String, _ error: any Error) -> String {
        var ancestor = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        while ancestor.path != "/" {
            if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder) {
                if !isFolder.boolValue { return "\(ancestor.path) is a file, not a folder" }
                break
            }
            ancestor.deleteLastPathComponent()
        }
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return reason(Int32(underlying.code))
        }
        return (error as NSError).localizedDescription
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

public enum SiteWriteError: Error, Equatable, CustomStringConvertible {
    case notAFolder(String)
    case notASite(String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case let .notAFolder(path): "\(path) is a file, not a folder: give --out a folder for the site"
        case let .notASite(path):
            "\(path) holds files deploycat did not write (it has no \(SiteWriter.manifest)); give --out an empty or new folder"
        case let .cannotWrite(path, reason): "cannot write \(path): \(reason)"
        }
    }
}
