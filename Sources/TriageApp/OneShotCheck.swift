import CurlEngine
import DNSResolver
import Foundation
import Logging
import Probes
import TriageCore

/// `triage check`: probes each check once now, concurrently, without touching the store.
public enum OneShotCheck {
    /// Results in the order of `checks`.
    public static func run(_ checks: [Check], concurrency: Int, clock: any TriageClock, logger: Logger) async throws -> [ProbeResult] {
        let engine = try CurlEngine(logger: logger)
        defer { engine.shutdown() }
        let resolver = try DNSResolver(logger: logger)
        defer { resolver.shutdown() }
        let registry = ProbeRegistry(engine: engine, resolver: resolver, clock: clock)
        return try await withThrowingTaskGroup(of: (Int, ProbeResult).self) { group in
            var results = [ProbeResult?](repeating: nil, count: checks.count)
            var next = 0
            func startNext() {
                guard next < checks.count else { return }
                let index = next
                next += 1
                group.addTask { (index, try await registry.run(checks[index])) }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            while let (index, result) = try await group.next() {
                results[index] = result
                startNext()
            }
            return results.compactMap { $0 }
        }
    }
}
