/// The values sorted, each once. Lists here are short (a template's Regions, a route's
/// destinations): sorting and dropping neighbours that repeat needs no hashing.
func sortedUnique(_ values: [String]) -> [String] {
    guard values.count > 1 else { return values }
    var sorted = values.sorted()
    var last = 0
    for index in 1..<sorted.count where sorted[index] != sorted[last] {
        last += 1
        sorted.swapAt(index, last)
    }
    sorted.removeLast(sorted.count - last - 1)
    return sorted
}
