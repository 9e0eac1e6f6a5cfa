import Foundation
import Logging
import TicketStore
import TriageCore

/// Records take-in-charge deadline breaches when they happen, not when someone looks: every
/// few seconds it asks the store to mark the open tickets whose deadline has passed, each once,
/// with a `breached` event in its audit trail.
struct DeadlineWatcher: Sendable {
    let store: any TicketStore
    let clock: any TriageClock
    let logger: Logger

    /// The daemon's service: a sweep every `period`.
    func service(every period: Duration = .seconds(5)) -> PeriodicService {
        PeriodicService(period: period, clock: clock) { await sweep() }
    }

    /// Marks the breaches of this instant; returns them (for tests and logs).
    @discardableResult
    func sweep() async -> [Ticket] {
        do {
            let breached = try await store.recordBreaches(at: clock.now)
            for ticket in breached {
                logger.warning("ticket.breached", metadata: [
                    "ticket.id": "\(ticket.id)", "ticket.code": "\(ticket.code.rawValue)",
                    "ticket.customer": "\(ticket.customer)", "ticket.deadline": "\(ticket.deadline.formatted(.iso8601))",
                ])
            }
            return breached
        } catch {
            logger.error("ticket.breach_scan_failed", metadata: ["error": "\(error)"])
            return []
        }
    }
}
