import Foundation
import TriageCore

extension CheckDetector {
    /// Raises a YELLOW slow-load warning after `slowAfterCount` consecutive answers slower than the
    /// check's `warnAfter`; recovers it after `recoverAfter` answers back under it.
    ///
    /// It warns before the RED slow-load, not beside it: while slow-load is open no warning is
    /// raised, since the page it would report is already on a RED ticket. A down result neither
    /// counts nor breaks a streak: an outage says nothing about speed.
    mutating func observeSlowWarning(_ result: ProbeResult, into verdict: inout Verdict) {
        guard check.spec.family == .web, let warnAfter = check.detection.warnAfter, result.outcome != .down else { return }
        guard result.timings.total > warnAfter.inSeconds else {
            warnStreak = 0
            underWarnStreak += 1
            if active.contains(.slowWarning), underWarnStreak >= check.detection.recoverAfter {
                active.remove(.slowWarning)
                verdict.recovered.append(.slowWarning)
            }
            return
        }
        underWarnStreak = 0
        warnStreak += 1
        recentOverWarn.append(result)
        guard !active.contains(.slowWarning), !active.contains(.slow), warnStreak >= check.detection.slowAfterCount
        else { return }
        active.insert(.slowWarning)
        let what = "load time over the warning threshold of \(warnAfter.inWords)"
        verdict.raised.append(finding(.slowWarning, at: result, evidence: recentOverWarn, what: what))
    }
}
