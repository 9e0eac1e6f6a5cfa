import Foundation
import Logging
import TicketStore
import TriageCore

/// Deletes probe results older than the retention period, once at start and then every hour,
/// so the store stays bounded however long Triage runs.
struct Retention: Sendable {
    let store: any TicketStore
    let retention: Duration
    let clock: any TriageClock
    let logger: Logger

    func prune() async {
        let cutoff = clock.now.adding(.zero - retention)
        do {
            let deleted = try await store.pruneResults(before: cutoff)
            if deleted > 0 {
                logger.info("results.pruned", metadata: ["results.deleted": "\(deleted)"])
            }
        } catch {
            logger.error("results.prune_failed", metadata: ["error": "\(error)"])
        }
    }
}
