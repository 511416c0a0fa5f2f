import CatalogModel
import Foundation
import Synchronization
import Testing

/// `ChunkedMap` gives `map`'s results, a chunk at a time, each item mapped once, never more than
/// a chunk ahead of the caller.
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

    /// Items whose results come back out of order (later items mapped faster) still come in order.
    @Test func slowItemsKeepTheirPlace() {
        let items = Array(0..<200)
        let chunks = ChunkedMap(items, chunkSize: 16) { item -> Int in
            if item % 7 == 0 { usleep(300) }
            return item * 3
        }
        var handed: [Int] = []
        while let chunk = chunks.next() { handed += chunk }
        #expect(handed == items.map { $0 * 3 })
    }

    /// While the caller holds a chunk, the workers map at most the next one: memory stays two chunks.
    @Test func theWorkersMapAtMostAChunkAhead() {
        let mapped = Mutex(0)
        let chunks = ChunkedMap(Array(0..<100), chunkSize: 10) { item -> Int in
            mapped.withLock { $0 += 1 }
            return item
        }
        #expect(chunks.next() == Array(0..<10))
        // Time for the workers to run ahead as far as they may.
        usleep(200_000)
        #expect((10...20).contains(mapped.withLock { $0 }))
        #expect(chunks.next() == Array(10..<20))
        usleep(200_000)
        #expect((20...30).contains(mapped.withLock { $0 }))
    }

    /// A caller that stops early leaves no worker waiting: the items not yet taken are never mapped.
    @Test func aMapGivenUpStopsItsWorkers() {
        let mapped = Mutex(0)
        do {
            let chunks = ChunkedMap(Array(0..<1_000), chunkSize: 5) { item -> Int in
                mapped.withLock { $0 += 1 }
                return item
            }
            #expect(chunks.next() == Array(0..<5))
        }
        usleep(200_000)
        let afterStop = mapped.withLock { $0 }
        #expect(afterStop <= 10)
        usleep(100_000)
        #expect(mapped.withLock { $0 } == afterStop)
    }
}
