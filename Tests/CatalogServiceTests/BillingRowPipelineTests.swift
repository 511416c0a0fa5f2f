import CatalogModel
@testable import CatalogService
import CatalogTestSupport
import Foundation
import Testing

/// The thread that reads export rows ahead of a `cost import`'s writes: it must hand over
/// exactly what reading the files in turn gives, and never keep an import that stopped waiting.
@Suite struct BillingRowPipelineTests {
    let folder = try! TemporaryDirectory()

    /// A legacy CUR export of `rows` rows (keys `PREFIX-0`...), the row numbered `bad` with a
    /// cost that is not a number.
    func export(_ name: String, rows: Int, bad: Int? = nil) throws -> String {
        let lines = PackagePaths.fixture("billing/cur-2025-01.csv")
        let header = try String(contentsOfFile: lines, encoding: .utf8).split(separator: "\n")[0]
        var text = header + "\n"
        for row in 0..<rows {
            let cost = row == bad ? "n/a" : "0.25"
            text += "123456789012,Usage,2025-01-03T00:00:00Z,2025-01-03T00:59:59Z,\(name)-\(row),AmazonS3,Requests,Get,"
                + "bucket-\(row),1,\(cost),S3 requests,us-east-1,,,\n"
        }
        let path = folder.path("\(name).csv")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Every chunk's rows, as `file:key` (or `file:line:bad`), in the order the pipeline gave them.
    func drain(_ pipeline: BillingRowPipeline) throws -> (rows: [String], fileEnds: [Int]) {
        var rows: [String] = [], ends: [Int] = []
        while let chunk = try pipeline.next() {
            for (line, row) in chunk.rows {
                switch row {
                case let .success(item): rows.append("\(chunk.file):\(item.key)")
                case .failure: rows.append("\(chunk.file):\(line):bad")
                }
            }
            if chunk.endsFile { ends.append(chunk.file) }
        }
        return (rows, ends)
    }

    @Test func rowsComeInFileOrderWithTheirLinesAndEachFileEnds() throws {
        let paths = [try export("a", rows: 7, bad: 4), try export("b", rows: 0), try export("c", rows: 5)]
        let readers = try paths.map { try BillingExportReader(path: $0, source: nil) }
        // Chunks of 3 with room for one: the reader waits on the import at almost every row.
        let (rows, ends) = try drain(BillingRowPipeline(readers, chunkSize: 3, depth: 1))
        #expect(rows == (0..<7).map { $0 == 4 ? "0:6:bad" : "0:a-\($0)" } + (0..<5).map { "2:c-\($0)" })
        #expect(ends == [0, 1, 2])
    }

    @Test func anImportThatStopsEarlyReleasesTheReader() throws {
        let readers = [try BillingExportReader(path: try export("big", rows: 5_000), source: nil)]
        let pipeline = BillingRowPipeline(readers, chunkSize: 10, depth: 2)
        _ = try pipeline.next()
        pipeline.stop()
        // The reader thread stops at its next chunk instead of waiting for room forever; what it
        // queued is dropped, so the import sees no more rows.
        #expect(try pipeline.next() == nil)
    }
}
