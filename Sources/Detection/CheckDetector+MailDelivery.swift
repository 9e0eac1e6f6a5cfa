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
        switch result.outcome {
        case .degraded:
            fastMailStreak = 0
            slowMailStreak += 1
            recentSlowMail.append(result)
            guard !active.contains(.mailSlow) else { return }
            if slowMailStreak >= check.detection.slowAfterCount {
                active.insert(.mailSlow)
                verdict.raised.append(finding(.mailSlow, at: result, evidence: recentSlowMail, what: "e-mail delivery slow"))
            } else {
                verdict.recheckSoon = true
            }
        case .up:
            slowMailStreak = 0
            fastMailStreak += 1
            if active.contains(.mailSlow), fastMailStreak >= check.detection.recoverAfter {
                active.remove(.mailSlow)
                verdict.recovered.append(.mailSlow)
            }
        case .down:
            slowMailStreak = 0
            fastMailStreak = 0
        }
    }
}
