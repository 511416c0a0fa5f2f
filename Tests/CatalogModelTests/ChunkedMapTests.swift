import CatalogModel
import Synchronization
import Testing

/// `ChunkedMap` gives `map`'s results, a chunk at a time, each item mapped once.
@Suite struct ChunkedMapTests {
    @Test(arguments: [1, 3, 7, 10, 25]) func theChunksTogetherAreTheMapInOrder(chunkSize: Int) {
        let items = Array(0..<23)
        let calls = Mutex(0)
        let chunks = ChunkedMap(items, chunkSize: chunkSize) { item -> String in
            calls.withLock { $0 += 1 }
            return "item \(item)"
        }
        var handed: [[String]] = []
        while let chunk = chunks.next() { handed.append(chunk) }
        #expect(handed.flatMap { $0 } == items.map { "item \($0)" })
        #expect(handed.map(\.count) == stride(from: 0, to: 23, by: chunkSize).map { min(chunkSize, 23 - $0) })
        #expect(calls.withLock { $0 } == 23)
        #expect(chunks.next() == nil)
    }

    @Test func nothingToMapHandsOutNoChunk() {
        let chunks = ChunkedMap([Int](), chunkSize: 4) { $0 * 2 }
        #expect(chunks.next() == nil)
    }
}
