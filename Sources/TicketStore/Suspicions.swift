import Foundation
import TriageCore

/// The store's side of confirmation from several locations: suspected outages, and each
/// location's verdict on them, shared by every node (see `LocationConfirmation`).
///
/// The node that suspects an outage opens a suspicion with its own failed verdict; nodes in other
/// locations poll ``openSuspicions(at:)`` every second, re-probe the check and add theirs with
/// ``recordVerdict(_:on:)``; the opener reads it back with ``suspicion(id:)``, decides
/// (`ConfirmationDecision`) and closes it. Instants are the callers' clocks, as for leases.
///
/// ```swift
/// let suspicion = try await store.openSuspicion(SuspicionOpening(checkID: id, kind: .down, required: 2,
///     verdict: mine, expiresAt: clock.now.adding(.seconds(60))))
/// try await store.recordVerdict(theirs, on: suspicion.id)        // on a node elsewhere
/// try await store.closeSuspicion(suspicion.id, as: .confirmed, at: clock.now)
/// ```
public protocol Suspicions: Sendable {
    /// Opens a suspicion with the opener's verdict, or, when one is already open and unexpired on the
    /// same check and kind (two nodes suspecting together, or a takeover), adds the verdict to it.
    func openSuspicion(_ opening: SuspicionOpening) async throws -> Suspicion

    /// Adds a node's verdict; a node's second verdict on one suspicion is ignored (its first stands).
    func recordVerdict(_ verdict: LocationVerdict, on id: Int64) async throws

    /// One suspicion with its verdicts; nil when there is none with that id.
    func suspicion(id: Int64) async throws -> Suspicion?

    /// Suspicions neither closed nor past their window at `now`, with their verdicts, oldest first.
    func openSuspicions(at now: Date) async throws -> [Suspicion]

    /// Records the outcome; a suspicion already closed keeps its first outcome.
    func closeSuspicion(_ id: Int64, as outcome: Suspicion.Outcome, at now: Date) async throws

    /// The most recent suspicions, open or closed, newest first (`triage suspicions`).
    func recentSuspicions(limit: Int) async throws -> [Suspicion]

    /// Deletes, with their verdicts, the suspicions that ended before `cutoff`: closed then, or
    /// left open by a node that died and past their window then (retention, as for results).
    /// Returns how many were deleted.
    func pruneSuspicions(endedBefore cutoff: Date) async throws -> Int
}

/// What the suspecting node writes.
public struct SuspicionOpening: Sendable, Hashable {
    public var checkID: String
    public var kind: FindingKind
    public var required: Int
    /// The opener's own failed verdict (its node, location and the instant it opens at).
    public var verdict: LocationVerdict
    public var expiresAt: Date

    public init(checkID: String, kind: FindingKind, required: Int, verdict: LocationVerdict, expiresAt: Date) {
        self.checkID = checkID
        self.kind = kind
        self.required = required
        self.verdict = verdict
        self.expiresAt = expiresAt
    }
}
