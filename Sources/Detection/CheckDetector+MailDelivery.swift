import Foundation
import TriageCore

extension CheckDetector {
    /// Raises a YELLOW slow delivery after `slowAfterCount` consecutive mail round trips that
    /// delivered, but slower than the check's `warnAfter` (the probe marks them degraded); recovers
    /// it after `recoverAfter` round trips delivered in time.
    ///
    /// Mail still flows, so it is not an outage; but a queue that lags by minutes often stops next,
    /// and the customer's correspondents notice first. A single slow delivery is rechecked, as a
    /// slow page is: one message caught in a retry proves little. A failed round trip (down) is the
    /// availability rule's, and ends neither streak's meaning: it resets both.
    mutating func observeMailDelivery(_ result: ProbeResult, into verdict: inout Verdict) {
        guard case .mail = check.spec else { return }
        let reading: Streak.Reading = switch result.outcome {
        case .degraded: .bad
        case .up: .good
        case .down: .reset
        }
        count(
            reading, of: result, in: \.mailStreak, toward: .mailSlow, raiseAfter: check.detection.slowAfterCount, recheck: true,
            what: "e-mail delivery slow", into: &verdict
        )
    }
}
