import Dispatch
import Foundation

/// Independent work shared out over the machine's cores, its results in a fixed order: the same
/// results as a plain loop, sooner.
public enum Parallel {
    /// `items.map(transform)`, the items shared out over the cores in contiguous runs; the
    /// results in the items' order. When transforms throw, the error of the first such item
    /// (in the items' order) is thrown, after every item has been tried.
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) throws -> Result
    ) throws -> [Result] {
        let workers = min(items.count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else { return try items.map(transform) }
        let outcomes = Outcomes<Result>(count: items.count)
        // A few runs per core, so that one slow run does not leave a core idle at the end.
        let runs = min(items.count, workers * 4)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            for index in (items.count * run / runs)..<(items.count * (run + 1) / runs) {
                outcomes.set(index, Swift.Result { try transform(items[index]) })
            }
        }
        return try outcomes.values()
    }

    /// `map` of a transform that does not throw.
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        // A transform that cannot throw leaves nothing to rethrow.
        try! map(items, { (item: Item) throws -> Result in transform(item) })
    }

    /// One slot per item, each written once by the run that holds the item, read after every
    /// run has ended: no two threads touch the same slot.
    private final class Outcomes<Value: Sendable>: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Swift.Result<Value, any Error>?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.baseAddress?.deinitialize(count: slots.count)
            slots.deallocate()
        }

        func set(_ index: Int, _ outcome: Swift.Result<Value, any Error>) {
            slots[index] = outcome
        }

        /// The values, moved out of their slots (a copy each, then freeing the originals,
        /// cost a rebuild of every app a tenth of its start-up); called once, last.
        func values() throws -> [Value] {
            var values: [Value] = []
            values.reserveCapacity(slots.count)
            var failure: (any Error)?
            for index in slots.indices {
                switch (slots.baseAddress! + index).move() {
                case let .success(value)?: values.append(value)
                case let .failure(error)?: if failure == nil { failure = error }
                case nil: preconditionFailure("every slot is set before the values are read")
                }
            }
            slots.baseAddress?.initialize(repeating: nil, count: slots.count)
            if let failure { throw failure }
            return values
        }
    }
}
