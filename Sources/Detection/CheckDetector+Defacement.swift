import Foundation
import TriageCore

extension CheckDetector {
    /// Raises RED defaced on the first result whose failure is `.defaced`; recovers it after
    /// `recoverAfter` results that are not `down` (the customer's page is back).
    ///
    /// No recheck and no `downAfter` first: a defacement is not a blip, the page that proves it
    /// stays until someone restores the site, and every minute it shows costs the customer. It
    /// runs before the availability rule, which then opens no down or 5xx incident while this
    /// one is open: the same results are one outage, paged once. A result that is `down` for
    /// another reason (the site taken offline to clean it) keeps this finding open.
    mutating func observeDefacement(_ result: ProbeResult, into verdict: inout Verdict) {
        if result.failure == .defaced {
            cleanPageStreak = 0
            recentDefaced.append(result)
            guard !active.contains(.defaced) else { return }
            active.insert(.defaced)
            verdict.raised.append(finding(.defaced, at: result, evidence: recentDefaced, what: "website defaced"))
            return
        }
        guard active.contains(.defaced) else { return }
        guard result.outcome != .down else {
            cleanPageStreak = 0
            return
        }
        cleanPageStreak += 1
        if cleanPageStreak >= check.detection.recoverAfter {
            cleanPageStreak = 0
            active.remove(.defaced)
            verdict.recovered.append(.defaced)
        }
    }
}
