extension Array {
    /// Sorts the elements and keeps one of each run that `areInIncreasingOrder` holds equal: the
    /// last of them in the given order (the sort is stable), as a later value of a key wins.
    /// Sorting and dropping neighbours needs no hashing, which pays for the short lists here.
    @inlinable
    public mutating func sortUniquely(by areInIncreasingOrder: (Element, Element) -> Bool) {
        guard count > 1 else { return }
        sort(by: areInIncreasingOrder)
        var last = 0
        for index in 1..<count {
            // Sorted neighbours are equal when the earlier is not below the later.
            if areInIncreasingOrder(self[last], self[index]) { last += 1 }
            if index != last { swapAt(index, last) }
        }
        removeLast(count - last - 1)
    }
}

/// The values sorted, each once (a template's Regions, a route's destinations).
func sortedUnique(_ values: [String]) -> [String] {
    var sorted = values
    sorted.sortUniquely(by: <)
    return sorted
}
