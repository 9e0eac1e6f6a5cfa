import Foundation
import TriageCore

extension CheckDetector {
    /// Raises a YELLOW expiring certificate on the first degraded TLS result whose certificate
    /// expires within the check's `warnWithin`; recovers it after `recoverAfter` results whose
    /// certificate is fine again (`up`, such as after a renewal).
    ///
    /// No recheck first: unlike an outage, an expiry date does not blip, so one result proves it.
    /// An expired or untrusted certificate is a `down` result, which the availability rule turns
    /// into RED site-down; it does not end this finding, since the renewal it asks for is still due.
    mutating func observeCertificate(_ result: ProbeResult, into verdict: inout Verdict) {
        guard case .tls(let spec) = check.spec else { return }
        if result.outcome == .degraded, let expiresAt = result.certificateExpiresAt,
            expiresAt.timeIntervalSince(result.startedAt) <= spec.warnWithin.inSeconds
        {
            certificateFineStreak = 0
            recentExpiring.append(result)
            guard !active.contains(.certificateExpiring) else { return }
            active.insert(.certificateExpiring)
            let what = "TLS certificate expiring soon"
            verdict.raised.append(finding(.certificateExpiring, at: result, evidence: recentExpiring, what: what))
            return
        }
        guard result.outcome == .up else {
            certificateFineStreak = 0
            return
        }
        certificateFineStreak += 1
        if active.contains(.certificateExpiring), certificateFineStreak >= check.detection.recoverAfter {
            active.remove(.certificateExpiring)
            verdict.recovered.append(.certificateExpiring)
        }
    }
}
