/// "Did you mean" for misspelt keys and values: the closest allowed word by edit distance.
enum KeySuggestion {
    /// The candidate closest to `word`, ignoring case, when it is near enough to be a likely typo
    /// (at most one edit in three letters, and never more than three edits).
    static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = min(3, max(1, word.count / 3))
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit else { return nil }
        return best.0
    }

    /// The number of single-character insertions, deletions, substitutions and adjacent swaps
    /// that turn `source` into `target` (optimal string alignment), so `chekcs` is one swap from `checks`.
    static func distance(_ source: String, _ target: String) -> Int {
        let a = Array(source)
        let b = Array(target)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }

    /// `did you mean "checks"? ` when a suggestion exists, else nothing: the prefix of a fix.
    static func didYouMean(_ word: String, among candidates: [String]) -> String {
        closest(to: word, among: candidates).map { "did you mean \"\($0)\"? " } ?? ""
    }
}
