import Foundation

/// What a catalog database holds on disk: the main file and its write-ahead log. A write that
/// has not been checkpointed changes only the `-wal` file, so "left as it was" compares both.
public enum DatabaseFiles {
    public static func contents(_ path: String) throws -> Data {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        if let wal = FileManager.default.contents(atPath: path + "-wal") {
            data.append(wal)
        }
        return data
    }
}
