import Foundation
import TriageCore

extension CheckDetector {
    /// Raises a YELLOW slow-load warning after `slowAfterCount` consecutive answers slower than the
    /// check's `warnAfter`; recovers it after `recoverAfter` answers back under it.
    ///
    /// It warns before the RED slow-load, not beside it: while slow-load is open no warning is
    /// raised, since the page it would report is already on a RED ticket. A down result neither
    /// counts nor breaks a streak: an outage says nothing about speed. No recheck: a YELLOW
    /// ticket has a day, so the next probe at its interval is soon enough.
    mutating func observeSlowWarning(_ result: ProbeResult, into verdict: inout Verdict) {
        guard check.spec.family == .web, let warnAfter = check.detection.warnAfter else { return }
        let reading: Streak.Reading = result.outcome == .down ? .ignored : result.timings.total > warnAfter.inSeconds ? .bad : .good
        count(
            reading, of: result, in: \.warnStreak, toward: .slowWarning, raiseAfter: check.detection.slowAfterCount,
            recheck: false, held: active.contains(.slow), what: "load time over the warning threshold of \(warnAfter.inWords)",
            into: &verdict
        )
    }
}
