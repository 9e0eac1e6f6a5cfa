import Foundation
import Logging
import TicketStore
import TriageCore

/// Deletes probe results, and the suspicions of confirmation from several locations, older than
/// the retention period, once at start and then every hour, so the store stays bounded however
/// long Triage runs. A suspicion is kept as long as the results it was decided from.
struct Retention: Sendable {
    let store: any TicketStore & Suspicions
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
            let suspicions = try await store.pruneSuspicions(endedBefore: cutoff)
            if suspicions > 0 {
                logger.info("suspicions.pruned", metadata: ["suspicions.deleted": "\(suspicions)"])
            }
        } catch {
            logger.error("retention.failed", metadata: ["error": "\(error)"])
        }
    }
}
