import TriageCore

/// The counting of a rule that confirms a fault by consecutive bad results and ends it by
/// consecutive good ones (slow pages, slow warnings, slow mail, stale caches), kept apart from
/// what each rule calls bad, so the rules share one way of counting.
struct Streak: Sendable {
    /// What one result means to the rule.
    enum Reading {
        /// Counts towards the fault, and breaks the good streak.
        case bad
        /// Counts towards recovery, and breaks the bad streak.
        case good
        /// Breaks both streaks (a failure that says nothing either way, and ends both runs).
        case reset
        /// Changes nothing (a result the rule does not read, such as a down page for load time).
        case ignored
    }

    private(set) var bad = 0
    private(set) var good = 0
    /// The last bad results, for the finding's audit trail.
    private(set) var evidence = EvidenceLog()

    mutating func read(_ reading: Reading, _ result: ProbeResult) {
        switch reading {
        case .bad:
            good = 0
            bad += 1
            evidence.append(result)
        case .good:
            bad = 0
            good += 1
        case .reset:
            bad = 0
            good = 0
        case .ignored:
            break
        }
    }
}

extension CheckDetector {
    /// Counts `result` as `reading` in `streak`, then raises `kind` once the bad streak reaches
    /// `raiseAfter` (asking for a recheck before that when `recheck`), or recovers it once the
    /// good streak reaches the check's `recoverAfter`. Nothing is raised while `kind` is open or
    /// the rule is `held` by a graver finding.
    mutating func count(
        _ reading: Streak.Reading, of result: ProbeResult, in streak: WritableKeyPath<CheckDetector, Streak>, toward kind: FindingKind,
        raiseAfter: Int, recheck: Bool, held: Bool = false, what: @autoclosure () -> String, into verdict: inout Verdict
    ) {
        self[keyPath: streak].read(reading, result)
        let counted = self[keyPath: streak]
        switch reading {
        case .bad:
            guard !active.contains(kind), !held else { return }
            if counted.bad >= raiseAfter {
                active.insert(kind)
                verdict.raised.append(finding(kind, at: result, evidence: counted.evidence, what: what()))
            } else if recheck {
                verdict.recheckSoon = true
            }
        case .good:
            if active.contains(kind), counted.good >= check.detection.recoverAfter {
                active.remove(kind)
                verdict.recovered.append(kind)
            }
        case .reset, .ignored:
            break
        }
    }
}
