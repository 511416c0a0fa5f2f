/// "Did you mean" candidates for a mistyped name, by edit distance.
public enum Suggestions {
    /// Up to `limit` candidates close to `value`, closest first; containment counts as close,
    /// so `claude-3-haiku` finds `anthropic.claude-3-haiku-20240307-v1:0`.
    public static func closest(to value: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let needle = value.lowercased()
        let farthest = max(2, needle.unicodeScalars.count / 4)
        let scored: [(String, Int)] = candidates.compactMap { candidate in
            let lowered = candidate.lowercased()
            if !needle.isEmpty && lowered.contains(needle) { return (candidate, 0) }
            // No fewer edits than the lengths differ by: most candidates need no distance at all.
            guard abs(lowered.unicodeScalars.count - needle.unicodeScalars.count) <= farthest else { return nil }
            let distance = editDistance(needle, lowered)
            return distance <= farthest ? (candidate, distance) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// ` (did you mean "a" or "b"?)`, or an empty string when nothing is close.
    public static func didYouMean(_ value: String, in candidates: some Sequence<String>) -> String {
        let close = closest(to: value, in: candidates)
        guard !close.isEmpty else { return "" }
        return " (did you mean " + close.map { "\"\($0)\"" }.joined(separator: " or ") + "?)"
    }

    /// Edits between `a` and `b`, a swap of two neighbouring characters counting as one edit
    /// (the commonest typo: `nmae` is one edit from `name`, two from `map`).
    /// Counted over Unicode scalars, which compare as numbers (names here are ASCII).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = Array(repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
