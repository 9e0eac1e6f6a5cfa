import CurlEngine
import Logging
import Testing

@Suite("Concurrency, cancellation and shutdown")
struct EngineLifecycleTests {
    @Test("200 concurrent transfers all complete")
    func manyConcurrent() async throws {
        let engine = try makeEngine()
        let request = CurlRequest(url: try nginx("/ok"), timeout: .seconds(10))
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<200 {
                group.addTask { try await engine.perform(request).statusCode }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == 200)
        #expect(statuses.allSatisfy { $0 == 200 })
    }

    @Test("slow transfers run side by side, not one after another")
    func slowInParallel() async throws {
        let engine = try makeEngine()
        let request = CurlRequest(url: try nginx("/slow?s=0.5"), timeout: .seconds(10))
        let (bodies, elapsed) = try await timed {
            try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await engine.perform(request).text }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
        }
        #expect(bodies == Array(repeating: "slow ok", count: 20))
        #expect(elapsed < .seconds(8), "one after another would take 10 s")
    }

    @Test("maxConnectionsTotal queues transfers beyond the limit")
    func connectionLimit() async throws {
        let engine = try CurlEngine(logger: Logger(label: "CurlEngineTests"), maxConnectionsTotal: 2)
        let request = CurlRequest(url: try nginx("/slow?s=0.3"), timeout: .seconds(10))
        let (statuses, elapsed) = try await timed {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await engine.perform(request).statusCode }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
        }
        #expect(statuses == Array(repeating: 200, count: 6))
        // Three waves of two: at least 0.9 s, where six side by side would take 0.3 s.
        #expect(elapsed >= .milliseconds(850))
    }

    @Test("cancelling a hanging transfer returns at once, and the engine keeps working")
    func cancelHanging() async throws {
        let engine = try makeEngine()
        let request = CurlRequest(url: try nginx("/hang"), timeout: .seconds(30))
        let task = Task { try await engine.perform(request) }
        // Long enough for the I/O thread to have the transfer connected and waiting.
        try await Task.sleep(for: .milliseconds(300))
        let (outcome, elapsed) = await timed {
            task.cancel()
            return await task.result
        }
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(elapsed < .seconds(15), "promptly, not at the 30 s timeout")

        let after = try await engine.perform(CurlRequest(url: try nginx("/ok"), timeout: .seconds(5)))
        #expect(after.statusCode == 200)
    }

    @Test("a task cancelled before it performs gets CancellationError without a transfer")
    func cancelledBeforeStart() async throws {
        let engine = try makeEngine()
        let request = CurlRequest(url: try nginx("/hang"), timeout: .seconds(30))
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await engine.perform(request)
        }
        let (outcome, elapsed) = await timed { await task.result }
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(elapsed < .seconds(15), "promptly, not at the 30 s timeout")
    }

    @Test("shutdown fails in-flight transfers, then refuses new ones")
    func shutdownFailsInFlight() async throws {
        let engine = try makeEngine()
        let request = CurlRequest(url: try nginx("/hang"), timeout: .seconds(30))
        let tasks = (0..<5).map { _ in Task { try await engine.perform(request) } }
        try await Task.sleep(for: .milliseconds(300))
        let (_, elapsed) = await timed { engine.shutdown() }
        #expect(elapsed < .seconds(15), "promptly, not at the 30 s timeout")
        for task in tasks {
            let outcome = await task.result
            #expect(throws: CurlEngineError.shutdown) { try outcome.get() }
        }
        await #expect(throws: CurlEngineError.shutdown) {
            try await engine.perform(CurlRequest(url: try nginx("/ok"), timeout: .seconds(5)))
        }
        engine.shutdown()
    }
}
