import CatalogModel
import Foundation

/// Reads the rows of an import's export files on a thread of its own, a chunk at a time, a few
/// chunks ahead of the import's transaction, which writes them meanwhile: reading a row (gzip,
/// CSV, amounts, dates, tags) costs about a third of writing it, and a machine has two cores
/// at least. The rows come out in file order, exactly as reading the files in turn gives them.
final class BillingRowPipeline: @unchecked Sendable {
    /// Consecutive rows of one file, each with the line it starts on.
    struct Chunk {
        var file: Int
        var rows: [(line: Int, row: Result<BillingLineItem, BillingExportReader.BadRowProblems>)]
        /// The file's last chunk (possibly empty).
        var endsFile: Bool
    }

    private enum Item {
        case chunk(Chunk)
        case failed(any Error)
    }

    private let readers: [BillingExportReader]
    private let chunkSize: Int
    private let depth: Int
    /// Guards `queue`, `finished` and `stopped`.
    private let condition = NSCondition()
    private var queue: [Item] = []
    /// Every file read (or reading failed): the queue is all there is.
    private var finished = false
    /// The reader stops at its next chunk: the import no longer wants rows.
    private var stopped = false

    /// Starts reading `readers` in turn. `depth` chunks of `chunkSize` rows at most wait to be
    /// taken, so memory stays bounded however large the files.
    init(_ readers: [BillingExportReader], chunkSize: Int = 2_000, depth: Int = 4) {
        self.readers = readers
        self.chunkSize = chunkSize
        self.depth = depth
        let thread = Thread { [self] in read() }
        thread.name = "billing rows"
        thread.start()
    }

    /// Tells the reader to stop; call when the import ends early, so the thread does not wait
    /// for room in the queue forever.
    func stop() {
        condition.lock()
        stopped = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, `nil` after the last (or once stopped); throws what reading a file
    /// threw, in file order.
    func next() throws -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished && !stopped { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let item = queue.removeFirst()
        condition.broadcast()
        switch item {
        case let .chunk(chunk): return chunk
        case let .failed(error): throw error
        }
    }

    private func read() {
        do {
            for (file, reader) in readers.enumerated() {
                var rows: [(line: Int, row: Result<BillingLineItem, BillingExportReader.BadRowProblems>)] = []
                rows.reserveCapacity(chunkSize)
                while let row = try reader.next() {
                    rows.append((reader.line, row))
                    if rows.count == chunkSize {
                        guard put(.chunk(Chunk(file: file, rows: rows, endsFile: false))) else { return }
                        rows.removeAll(keepingCapacity: true)
                    }
                }
                guard put(.chunk(Chunk(file: file, rows: rows, endsFile: true))) else { return }
            }
        } catch {
            _ = put(.failed(error))
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Queues `item` once there is room; `false` when the import stopped.
    private func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= depth && !stopped { condition.wait() }
        guard !stopped else { return false }
        queue.append(item)
        condition.broadcast()
        return true
    }
}
