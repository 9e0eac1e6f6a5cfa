import Foundation
import ServiceLifecycle
import TriageCore

/// A `Service` that does one piece of housekeeping at start and then every `period` on the
/// injected clock, until the service group shuts down.
struct PeriodicService: Service {
    let period: Duration
    let clock: any TriageClock
    let work: @Sendable () async -> Void

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await work()
                try await clock.sleep(until: clock.now.adding(period))
            }
        }
    }
}
