import Foundation
import TriageCore

/// Whether a ``Suspicion`` is confirmed, refuted or still waiting: pure, so the rule is tested
/// with hand-made verdicts and instants.
///
/// - A location saw the check fail when a node there did; it saw it fine when its nodes only saw it fine.
/// - **Confirmed** once `required` distinct locations saw it fail. When fewer locations are alive
///   than required (a node alone, or the others lost), the live ones suffice, and the evidence says
///   how many were available: an outage is never silently suppressed for want of nodes.
/// - **Not confirmed** once it can no longer be: the locations still to answer cannot make up the
///   count (the others saw the check fine), or the window ended first.
/// - Otherwise **pending**.
///
/// ```swift
/// switch ConfirmationDecision.decide(suspicion, liveLocations: ["paris", "amsterdam"], now: clock.now) { ... }
/// ```
public enum ConfirmationDecision: Sendable, Equatable {
    case pending
    /// Raise the incident, with these lines added to its evidence (one per location, then the count).
    case confirmed(evidence: [String])
    /// Raise nothing; the reason in words, for the log and `triage suspicions`.
    case notConfirmed(reason: String)

    /// - Parameters:
    ///   - liveLocations: the locations of the nodes alive now (the opener's included or not: it is added).
    ///   - now: the deciding node's clock.
    public static func decide(_ suspicion: Suspicion, liveLocations: Set<String>, now: Date) -> ConfirmationDecision {
        let failed = Set(suspicion.verdicts.filter(\.failed).map(\.location))
        let fine = Set(suspicion.verdicts.map(\.location)).subtracting(failed)
        let available = liveLocations.union(failed).union(fine).union([suspicion.openedIn])
        let needed = min(suspicion.required, available.count)
        let waitingFor = available.subtracting(failed).subtracting(fine)
        if failed.count >= needed {
            return .confirmed(evidence: evidence(suspicion, failed: failed.count, needed: needed, available: available.count))
        }
        let seenFine = fine.sorted().joined(separator: ", ")
        if failed.count + waitingFor.count < needed {
            return .notConfirmed(reason: "seen failing from \(failed.count) of \(needed) required locations; fine from \(seenFine)")
        }
        if now >= suspicion.expiresAt {
            let silent = waitingFor.sorted().joined(separator: ", ")
            return .notConfirmed(
                reason: "seen failing from \(failed.count) of \(needed) required locations within "
                    + "\(Duration.seconds(suspicion.expiresAt.timeIntervalSince(suspicion.openedAt)).inWords); no answer from \(silent)"
            )
        }
        return .pending
    }

    private static func evidence(_ suspicion: Suspicion, failed: Int, needed: Int, available: Int) -> [String] {
        let lines = suspicion.verdicts.sorted { ($0.location, $0.at) < ($1.location, $1.at) }.map(\.evidence)
        let count = needed < suspicion.required
            ? "confirmed from \(failed) location\(failed == 1 ? "" : "s"): only \(available) of the \(suspicion.required) required locations available"
            : "confirmed from \(failed) of \(available) locations (\(suspicion.required) required)"
        return lines + [count]
    }
}
