import CurlEngine
import DNSResolver
import Foundation
import Logging
import Probes
import Scheduler
import SQLiteStore
import TriageCore

/// The real chain for one check, as the daemon wires it: the real probes (libcurl and c-ares
/// engines), the scheduler on the system clock, and a fresh SQLite store. `stop()` ends it all.
struct RealChain {
    let store: SQLiteTicketStore
    let scheduler: ProbeScheduler
    private let engine: CurlEngine
    private let resolver: DNSResolver
    private let running: Task<Void, any Error>

    /// Starts probing `check` (every second, say) at once.
    static func start(_ check: Check) async throws -> RealChain {
        let clock = SystemClock()
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let engine = try CurlEngine(logger: logger)
        let resolver = try DNSResolver(logger: logger)
        let store = try await temporaryStore(clock: clock)
        let scheduler = ProbeScheduler(
            checks: [check], activeFindings: [], runner: ProbeRegistry(engine: engine, resolver: resolver, clock: clock),
            store: store, clock: clock, concurrency: 4, perHostConcurrency: 4, plans: SupportPlans(), reopenWithin: .zero,
            logger: logger
        )
        let running = Task { try await scheduler.run() }
        return RealChain(store: store, scheduler: scheduler, engine: engine, resolver: resolver, running: running)
    }

    /// Cancels the scheduler and shuts the engines down, in that order, as the daemon stops.
    func stop() {
        running.cancel()
        resolver.shutdown()
        engine.shutdown()
    }
}
