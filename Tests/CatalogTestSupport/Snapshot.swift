import Foundation
import Testing

/// Golden-file comparison: `text` must equal the file `Snapshots/<name>` beside the calling
/// test file. With RECORD_SNAPSHOTS=1, or no file yet, the file is written and the test
/// fails, so a recording never passes silently.
public func expectSnapshot(
    _ text: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let file = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent(name)
    let recorded = try? String(contentsOf: file, encoding: .utf8)
    if recorded == nil || ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded \(file.path); review it and run the tests again", sourceLocation: sourceLocation)
        return
    }
    #expect(text == recorded, "\(name) differs from its snapshot", sourceLocation: sourceLocation)
}
