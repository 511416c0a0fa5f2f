import Foundation

/// Writes a site into a folder: each file whole (to a temporary name, then renamed), and the
/// pages an earlier run wrote that this one does not (an app deleted since) removed. A folder
/// with other files and no list of an earlier run is refused, so no one's files are overwritten.
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
        var written = Written(files: 0, bytes: 0, largest: ("", 0), removed: 0)
        for file in files {
            let url = root.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = Data(file.text.utf8)
            try data.write(to: url, options: .atomic)
            written.files += 1
            written.bytes += data.count
            if data.count > written.largest.bytes { written.largest = (file.path, data.count) }
        }
        let current = Set(files.map(\.path))
        for path in earlier where !current.contains(path) && !path.contains("..") {
            if (try? manager.removeItem(at: root.appendingPathComponent(path))) != nil { written.removed += 1 }
        }
        try Data((files.map(\.path).joined(separator: "\n") + "\n").utf8).write(to: manifestURL, options: .atomic)
        return written
    }
}

public enum SiteWriteError: Error, Equatable, CustomStringConvertible {
    case notAFolder(String)
    case notASite(String)

    public var description: String {
        switch self {
        case let .notAFolder(path): "\(path) is a file, not a folder: give --out a folder for the site"
        case let .notASite(path):
            "\(path) holds files deploycat did not write (it has no \(SiteWriter.manifest)); give --out an empty or new folder"
        }
    }
}
