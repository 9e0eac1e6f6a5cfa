import Foundation
import TriageCore

extension CheckDetector {
    /// Raises RED stale-cache (the catalogue's cache-not-refreshing) after `downAfter` stale
    /// results in a row (`FailureClass.staleContent`: the edge serves an old copy beyond the
    /// allowed staleness, or missed the canary's deadline); recovers it after `recoverAfter`
    /// results whose edge is fresh again (neither stale nor down).
    ///
    /// Confirmed like an outage, with a recheck first: the probe already allowed the copy its
    /// staleness, but one result can still catch a purge in progress. A stale edge is `degraded`,
    /// so the availability rule does not count it as down: visitors still get a page. A result
    /// that is down (cache or origin down) says nothing about freshness and keeps this open.
    mutating func observeStaleness(_ result: ProbeResult, into verdict: inout Verdict) {
        guard case .cache = check.spec else { return }
        let reading: Streak.Reading = result.failure == .staleContent ? .bad : result.outcome == .down ? .reset : .good
        count(
            reading, of: result, in: \.staleStreak, toward: .staleCache, raiseAfter: check.detection.downAfter, recheck: true,
            what: "cache not refreshing", into: &verdict
        )
    }

    /// Whether a down result names the failing part of a cache chain (cache, origin, or both).
    /// Such a result is an outage however the edge answered (a Varnish 503 for a dead origin is
    /// the origin's outage, not the site's errors), so it raises `down`, never a 5xx finding.
    static func locatesCacheFault(_ result: ProbeResult) -> Bool {
        [.cacheDown, .originDown, .cacheAndOriginDown].contains(result.failure)
    }

    /// What a down finding's summary says: the check family's outage ("site down or not visible",
    /// "unable to send or receive e-mail"), except that the origin behind a cache that still
    /// serves is not a site that visitors cannot see, so it is named as what it is.
    func outageWhat(_ result: ProbeResult) -> String {
        result.failure == .originDown ? "origin down behind a healthy cache" : check.spec.family.outageTitle
    }
}
