import DNSResolver
import Testing
import TriageTesting

@Suite("Concurrency, cancellation and shutdown of the resolver")
struct LifecycleTests {
    @Test("500 concurrent lookups all complete")
    func manyConcurrent() async throws {
        let resolver = try makeResolver()
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<500 {
                group.addTask { try await ask(resolver, TestServers.dnsHost, "TRIAGE_TEST_DNS_HOST", .a).records.count }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 2, count: 500))
    }

    @Test("unanswered lookups wait side by side, and answered ones pass them")
    func silentInParallel() async throws {
        let resolver = try makeResolver()
        let silence = Duration.seconds(2)
        let (kinds, elapsed) = try await timed {
            try await withThrowingTaskGroup(of: DNSLookupError.Kind?.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await ask(resolver, TestServers.dnsSilent, "TRIAGE_TEST_DNS_SILENT", .a, timeout: silence).error?.kind
                    }
                }
                let answered = try await ask(resolver, TestServers.dnsHost, "TRIAGE_TEST_DNS_HOST", .a)
                #expect(answered.records.count == 2)
                // The resolver's own measure, from its start to its answer on the I/O thread, so
                // a busy test machine's task scheduling does not count.
                #expect(answered.duration < 1, "it never waits for the silent lookups")
                return try await group.reduce(into: [DNSLookupError.Kind?]()) { $0.append($1) }
            }
        }
        #expect(kinds == Array(repeating: .timeout, count: 20))
        #expect(elapsed < silence * 10, "20 lookups one after another would take 40 s; side by side about 2 s, more on a loaded machine")
    }

    @Test("cancelling an unanswered lookup returns at once, and the resolver keeps working")
    func cancel() async throws {
        let resolver = try makeResolver()
        let task = Task { try await ask(resolver, TestServers.dnsSilent, "TRIAGE_TEST_DNS_SILENT", .a, timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(200))
        let (outcome, elapsed) = await timed {
            task.cancel()
            return await task.result
        }
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(elapsed < .seconds(5), "well before the 30 s timeout")
        let after = try await ask(resolver, TestServers.dnsHost, "TRIAGE_TEST_DNS_HOST", .a)
        #expect(after.records.count == 2)
    }

    @Test("a task cancelled before it asks gets CancellationError")
    func cancelledBefore() async throws {
        let resolver = try makeResolver()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await ask(resolver, TestServers.dnsHost, "TRIAGE_TEST_DNS_HOST", .a)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test("shutdown fails the lookups in flight and every later one")
    func shutdown() async throws {
        let resolver = try makeResolver()
        let task = Task { try await ask(resolver, TestServers.dnsSilent, "TRIAGE_TEST_DNS_SILENT", .a, timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(200))
        resolver.shutdown()
        await #expect(throws: DNSResolverError.shutdown) { try await task.value }
        await #expect(throws: DNSResolverError.shutdown) {
            try await ask(resolver, TestServers.dnsHost, "TRIAGE_TEST_DNS_HOST", .a)
        }
        resolver.shutdown()
    }
}
