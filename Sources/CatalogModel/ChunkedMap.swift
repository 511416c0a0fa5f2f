import Dispatch

/// A long `Parallel.map` handed out a chunk at a time, in order, with the next chunk already
/// being mapped in the background while the caller uses the current one. The caller's own work
/// on a chunk (writing it to a database) overlaps the mapping of the next, and at most two
/// chunks' results are held at once, however long the list.
public final class ChunkedMap<Item: Sendable, Result: Sendable>: @unchecked Sendable {
    private let items: [Item]
    private let chunkSize: Int
    private let transform: @Sendable (Item) -> Result
    /// Where the next chunk starts.
    private var start = 0
    /// The chunk after the one last handed out, being mapped.
    private var ahead: Ahead?

    public init(_ items: [Item], chunkSize: Int, _ transform: @escaping @Sendable (Item) -> Result) {
        self.items = items
        self.chunkSize = max(1, chunkSize)
        self.transform = transform
    }

    /// The next chunk's results, in the items' order; `nil` when every chunk was handed out.
    /// Not to be called from two threads at once.
    public func next() -> [Result]? {
        guard start < items.count else { return nil }
        let results = ahead?.wait() ?? Parallel.map(chunk(from: start), transform)
        start = min(start + chunkSize, items.count)
        ahead = start < items.count ? Ahead(chunk(from: start), transform) : nil
        return results
    }

    /// The items of the chunk that begins at `start`.
    private func chunk(from start: Int) -> [Item] {
        Array(items[start..<min(start + chunkSize, items.count)])
    }

    /// One chunk mapped on a thread of the global queue; `wait` returns its results.
    private final class Ahead: @unchecked Sendable {
        private let done = DispatchGroup()
        /// Written once before `done` is left, read only after waiting for it.
        private var results: [Result] = []

        init(_ chunk: [Item], _ transform: @escaping @Sendable (Item) -> Result) {
            done.enter()
            DispatchQueue.global().async { [self] in
                results = Parallel.map(chunk, transform)
                done.leave()
            }
        }

        func wait() -> [Result] {
            done.wait()
            return results
        }
    }
}
