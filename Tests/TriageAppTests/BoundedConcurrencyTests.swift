import Foundation
import Synchronization
import Testing
import TriageApp

/// Many small reads a few at a time: results in order, never more than the width at once.
struct BoundedConcurrencyTests {
    actor Gauge {
        var running = 0
        var highest = 0
        func enter() { running += 1; highest = max(highest, running) }
        func leave() { running -= 1 }
    }

    @Test func resultsKeepTheirOrderAndAtMostTheWidthRunAtOnce() async throws {
        let gauge = Gauge()
        let progress = Mutex<[Int]>([])
        let squares = try await BoundedConcurrency.map(50, progress: { done, _ in progress.withLock { $0.append(done) } }) { index in
            await gauge.enter()
            for _ in 0..<(index % 7) { await Task.yield() }
            await gauge.leave()
            return index * index
        }
        #expect(squares == (0..<50).map { $0 * $0 })
        #expect(await gauge.highest <= BoundedConcurrency.width)
        #expect(progress.withLock { $0 } == Array(1...50))
        #expect(try await BoundedConcurrency.map(0) { $0 }.isEmpty)
    }
}
