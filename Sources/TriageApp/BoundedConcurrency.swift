import Foundation

/// Runs a report's many small reads (a check's roll-ups, an incident's results, a ticket's
/// events) a few at a time instead of one after the other, keeping their order.
public enum BoundedConcurrency {
    /// How many run at once: the store's pool serves several readers, and folding a check takes a
    /// core, so a report uses both cores of a small machine while its memory stays that of a
    /// handful of checks.
    public static let width = 4

    /// `work(0..<count)`, `width` at a time, in order; `progress` is told as each one ends.
    public static func map<T: Sendable>(
        _ count: Int, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
        _ work: @escaping @Sendable (Int) async throws -> T
    ) async throws -> [T] {
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            var done = 0
            while next < min(width, count) {
                let index = next
                group.addTask { (index, try await work(index)) }
                next += 1
            }
            while let (index, value) = try await group.next() {
                results[index] = value
                done += 1
                progress?(done, count)
                if next < count {
                    let index = next
                    group.addTask { (index, try await work(index)) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}
