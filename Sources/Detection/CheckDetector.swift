import Foundation
import TriageCore

/// Turns one check's stream of probe results into findings: pure, no I/O, no clock of its own
/// (time comes from each result's `startedAt`), so every rule is tested by feeding results.
///
/// Rules, with the check's ``DetectionSettings``:
/// - **down**: `downAfter` consecutive failed probes (a single blip raises nothing); when every
///   one of them was a 5xx answer, the site is up but failing, and the finding is a 5xx one;
///   when every one found the network or host unreachable, it is a network failure;
/// - **5xx burst**: `serverErrorCount` 5xx answers within `serverErrorWindow`, even with
///   successes between them;
/// - **slow**: `slowAfterCount` consecutive answers slower than `slowAfter`;
/// - **slow warning** (YELLOW): as many answers slower than `warnAfter`, when set, in
///   ``CheckDetector+SlowWarning.swift``;
/// - **certificate expiring** (TLS checks, YELLOW): the first result whose valid certificate
///   expires within the check's `warnWithin`, in ``CheckDetector+Certificate.swift``;
/// - **defaced** (content checks, RED): the first result whose failure is `.defaced`, with no
///   recheck, in ``CheckDetector+Defacement.swift``;
/// - **slow mail** (mail round trips, YELLOW): `slowAfterCount` consecutive deliveries slower
///   than the check's `warnAfter`, in ``CheckDetector+MailDelivery.swift``;
/// - **stale cache** (cache checks, RED cache-not-refreshing): `downAfter` stale results in a
///   row, in ``CheckDetector+Cache.swift``, where a cache check's down results (cache, origin or
///   both down) also get their summary;
/// - **recovery** of each: `recoverAfter` consecutive good probes.
///
/// A check has at most one availability incident (down, 5xx, network or defaced) open at a time. A mail
/// check's outage is filed under `mail-send-receive` rather than `site-down` (its
/// ``ServiceFamily``), and the web-only rules (5xx, load time) leave mail checks alone: an SMTP
/// 550 is a refused recipient, not a server error, and a round trip's time is judged by its own
/// `warnAfter`, not by the load-time thresholds.
///
/// ```swift
/// var detector = CheckDetector(check: check)
/// let verdict = detector.observe(result)
/// for finding in verdict.raised { ... }
/// ```
public struct CheckDetector: Sendable {
    public let check: Check
    /// Findings currently open for this check (raised and not yet recovered).
    public internal(set) var active: Set<FindingKind>

    private var settings: DetectionSettings { check.detection }
    private var failures = 0
    private var failuresAllServerErrors = false
    private var failuresAllUnreachable = false
    private var successes = 0
    /// Load times over and under `slowAfter`.
    private var speedStreak = Streak()
    private var serverErrorTimes: [Date] = []
    private var recentFailures = EvidenceLog()
    private var recentServerErrors = EvidenceLog()
    /// Consecutive TLS results whose certificate is no longer expiring (read by the certificate rule).
    var certificateFineStreak = 0
    var recentExpiring = EvidenceLog()
    /// Consecutive results since a defacement whose page is back (read by the defacement rule).
    var cleanPageStreak = 0
    var recentDefaced = EvidenceLog()
    /// Load times over and under `warnAfter` (read by the slow-warning rule).
    var warnStreak = Streak()
    /// Slow and timely mail deliveries (read by the mail delivery rule).
    var mailStreak = Streak()
    /// Stale and fresh copies of a cache check (read by the cache rule).
    var staleStreak = Streak()

    /// - Parameters:
    ///   - check: the check whose results this detector reads.
    ///   - active: findings already open in the store (after a restart), so they are neither raised
    ///     again nor forgotten when the check recovers.
    public init(check: Check, active: Set<FindingKind> = []) {
        self.check = check
        self.active = active
    }

    /// Reads one result and says what changed.
    public mutating func observe(_ result: ProbeResult) -> Verdict {
        var verdict = Verdict()
        observeDefacement(result, into: &verdict)
        observeAvailability(result, into: &verdict)
        observeServerErrors(result, into: &verdict)
        observeSpeed(result, into: &verdict)
        observeSlowWarning(result, into: &verdict)
        observeCertificate(result, into: &verdict)
        observeMailDelivery(result, into: &verdict)
        observeStaleness(result, into: &verdict)
        return verdict
    }

    private mutating func observeAvailability(_ result: ProbeResult, into verdict: inout Verdict) {
        guard result.outcome == .down else {
            failures = 0
            successes += 1
            for kind in [FindingKind.down, .serverErrors, .networkFailure] where active.contains(kind) && successes >= settings.recoverAfter {
                active.remove(kind)
                serverErrorTimes.removeAll()
                verdict.recovered.append(kind)
            }
            return
        }
        successes = 0
        failuresAllServerErrors = (failures == 0 || failuresAllServerErrors) && isWebServerError(result)
        failuresAllUnreachable = (failures == 0 || failuresAllUnreachable) && result.failure == .unreachable
        failures += 1
        recentFailures.append(result)
        if hasAvailabilityIncident { return }
        if failures >= settings.downAfter {
            let kind: FindingKind = failuresAllServerErrors ? .serverErrors : failuresAllUnreachable ? .networkFailure : .down
            active.insert(kind)
            let what = switch kind {
            case .serverErrors: "\(failures) server errors (5xx) in a row"
            case .networkFailure: "network failure"
            default: outageWhat(result)
            }
            verdict.raised.append(finding(kind, at: result, evidence: recentFailures, what: what))
        } else {
            verdict.recheckSoon = true
        }
    }

    /// A check has at most one availability incident at a time: "down", "5xx", "network" and
    /// "defaced" describe the same outage seen different ways, and ops want one page for it, not two.
    private var hasAvailabilityIncident: Bool {
        active.contains(.down) || active.contains(.serverErrors) || active.contains(.networkFailure) || active.contains(.defaced)
    }

    private mutating func observeServerErrors(_ result: ProbeResult, into verdict: inout Verdict) {
        let windowStart = result.startedAt.adding(.zero - settings.serverErrorWindow)
        serverErrorTimes.removeAll { $0 < windowStart }
        guard isWebServerError(result) else { return }
        serverErrorTimes.append(result.startedAt)
        recentServerErrors.append(result)
        guard !hasAvailabilityIncident, serverErrorTimes.count >= settings.serverErrorCount else { return }
        active.insert(.serverErrors)
        let what = "\(serverErrorTimes.count) server errors (5xx) within \(settings.serverErrorWindow.inWords)"
        verdict.raised.append(finding(.serverErrors, at: result, evidence: recentServerErrors, what: what))
    }

    /// A 5xx answer of a web check; a mail server's 5xx replies are refusals, judged by the probe,
    /// and a cache check's located fault (a Varnish 503 for a dead origin) is an outage, not a 5xx burst.
    private func isWebServerError(_ result: ProbeResult) -> Bool {
        check.spec.family == .web && result.isServerError && !Self.locatesCacheFault(result)
    }

    private mutating func observeSpeed(_ result: ProbeResult, into verdict: inout Verdict) {
        guard check.spec.family == .web else { return }
        let (slowAfter, slowAfterCount) = (settings.slowAfter, settings.slowAfterCount)
        let reading: Streak.Reading = result.outcome == .down ? .ignored : result.timings.total > slowAfter.inSeconds ? .bad : .good
        count(
            reading, of: result, in: \.speedStreak, toward: .slow, raiseAfter: slowAfterCount, recheck: true,
            what: "load time over \(slowAfter.inWords)", into: &verdict
        )
    }

    func finding(_ kind: FindingKind, at result: ProbeResult, evidence: EvidenceLog, what: String) -> Finding {
        Finding(
            kind: kind, checkID: check.id, targetID: check.targetID, customer: check.customer,
            caseID: kind == .down ? check.spec.outageCase : nil, detectedAt: result.startedAt,
            summary: "\(check.id): \(what): \(result.reason)",
            evidence: evidence.lines
        )
    }
}

/// What one result changed for its check.
public struct Verdict: Sendable, Equatable {
    /// Faults confirmed by this result: each becomes (or updates) an incident.
    public var raised: [Finding] = []
    /// Faults that ended with this result.
    public var recovered: [FindingKind] = []
    /// The result looks bad but is not confirmed yet: probe again soon instead of a whole interval later.
    public var recheckSoon = false

    public init() {}

    /// Whether nothing changed.
    public var isQuiet: Bool { raised.isEmpty && recovered.isEmpty && !recheckSoon }
}

extension CheckDetector {
    /// Forgets a raised finding that could not be stored, so the next bad result raises it again.
    public mutating func retract(_ kind: FindingKind) {
        active.remove(kind)
    }

    /// Restores a finding whose recovery could not be stored, so a later recovery is tried again.
    public mutating func reinstate(_ kind: FindingKind) {
        active.insert(kind)
    }
}
