import Foundation

/// A long map over the machine's cores handed out a chunk at a time, in order, with the items
/// after the chunk last handed out being mapped in the background while the caller uses it. The
/// caller's own work on a chunk (writing it to a database) overlaps the mapping of what follows,
/// and at most a chunk's results beyond the caller's chunk are held at once, however long the list.
///
/// Workers on all cores but one take the items one at a time, so no core waits for another at a
/// chunk's end; a caller that asks for a chunk not mapped yet maps its remaining items too rather
/// than wait.
public final class ChunkedMap<Item: Sendable, Result: Sendable>: @unchecked Sendable {
    private let work: Work
    private let chunkSize: Int
    /// Where the next chunk starts.
    private var start = 0

    public init(_ items: [Item], chunkSize: Int, _ transform: @escaping @Sendable (Item) -> Result) {
        self.chunkSize = max(1, chunkSize)
        work = Work(items, lookahead: self.chunkSize, transform)
        // A core is left to the caller, which maps too whenever it waits for a chunk: a worker
        // on every core took turns on the caller's, and the caller's work is the pipeline's
        // longest (a rebuild's recording: one worker synthesizes about as fast as it records).
        let workers = min(items.count, max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
        // Threads of their own: a worker waits while it is a chunk ahead, which would hold a
        // thread of the shared pool that other work may be queued for.
        for _ in 0..<workers { Thread { [work] in work.mapItems() }.start() }
    }

    /// Stops the workers once their current items are mapped: a caller that gives up before the
    /// last chunk leaves no thread waiting.
    deinit { work.stop() }

    /// The next chunk's results, in the items' order; `nil` when every chunk was handed out.
    /// Not to be called from two threads at once.
    public func next() -> [Result]? {
        guard start < work.count else { return nil }
        let end = min(start + chunkSize, work.count)
        defer { start = end }
        return work.take(start..<end)
    }

    /// The items, who maps which, and the results not handed out yet, under one lock.
    private final class Work: @unchecked Sendable {
        private let items: [Item]
        private let transform: @Sendable (Item) -> Result
        private let condition = NSCondition()
        /// Results by `index % slots.count`: a slot is reused once its result is handed out.
        private var slots: [Result?]
        /// The next item no one has taken to map.
        private var nextItem = 0
        /// Every item before this one is mapped.
        private var mappedBefore = 0
        /// Items before this one were handed out; items from `handedOut + slots.count` on wait.
        private var handedOut = 0
        /// The end of the chunk the caller waits for, when it waits.
        private var awaited: Int?
        private var stopped = false

        var count: Int { items.count }

        init(_ items: [Item], lookahead: Int, _ transform: @escaping @Sendable (Item) -> Result) {
            self.items = items
            self.transform = transform
            slots = Array(repeating: nil, count: min(lookahead, items.count))
        }

        /// A worker's loop: maps the next item while one is within the lookahead, waits while
        /// none is, and ends when every item is taken or the map is stopped.
        func mapItems() {
            condition.lock()
            defer { condition.unlock() }
            while !stopped && nextItem < items.count {
                guard nextItem < handedOut + slots.count else {
                    condition.wait()
                    continue
                }
                mapOne()
            }
        }

        /// The results of `chunk` (the next to hand out), moved out of their slots. Maps the
        /// chunk's items no worker has taken yet, then waits for those being mapped.
        func take(_ chunk: Range<Int>) -> [Result] {
            condition.lock()
            defer { condition.unlock() }
            while mappedBefore < chunk.upperBound {
                if nextItem < chunk.upperBound {
                    mapOne()
                } else {
                    awaited = chunk.upperBound
                    condition.wait()
                }
            }
            awaited = nil
            let results = chunk.map { index in slots[index % slots.count].take()! }
            handedOut = chunk.upperBound
            // Room for more results: waiting workers go on.
            condition.broadcast()
            return results
        }

        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }

        /// Takes the next item and maps it with the lock released; called and returns with the lock held.
        private func mapOne() {
            let index = nextItem
            nextItem += 1
            condition.unlock()
            let result = transform(items[index])
            condition.lock()
            slots[index % slots.count] = result
            while mappedBefore < nextItem, slots[mappedBefore % slots.count] != nil { mappedBefore += 1 }
            if let awaited, mappedBefore >= awaited { condition.broadcast() }
        }
    }
}
