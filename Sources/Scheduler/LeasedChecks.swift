import Foundation
import Synchronization
import TicketStore
import TriageCore

/// The checks this node holds by lease, as the last successful round granted them.
///
/// A check is held only until the grant's expiry, read on this node's clock: when the store
/// cannot be reached, renewals fail, the expiry passes, and the node stops probing the checks it
/// can no longer be sure of, at the very moment another node may claim them. The next successful
/// round replaces the snapshot and probing resumes. Reads copy one reference under a lock held
/// for nothing else, so the scheduler's hot path never waits on a round.
///
/// ```swift
/// let ownership = LeasedChecks()
/// ownership.update(with: grant, activeFindings: try await store.activeDedupKeys())
/// ownership.holds("acme/www/http", at: clock.now)
/// ```
public final class LeasedChecks: CheckOwnership {
    /// One grant, immutable, swapped whole.
    final class Snapshot: Sendable {
        let held: Set<String>
        let expiresAt: Date
        let activeFindings: Set<String>

        init(held: Set<String>, expiresAt: Date, activeFindings: Set<String>) {
            self.held = held
            self.expiresAt = expiresAt
            self.activeFindings = activeFindings
        }
    }

    private let snapshot = Mutex(Snapshot(held: [], expiresAt: .distantPast, activeFindings: []))

    /// Holds nothing until the first grant.
    public init() {}

    public func holds(_ checkID: String, at now: Date) -> Bool {
        let current = snapshot.withLock { $0 }
        return now < current.expiresAt && current.held.contains(checkID)
    }

    public var activeFindings: Set<String> { snapshot.withLock { $0 }.activeFindings }

    /// The checks held at `now`: none once the last grant expired.
    public func held(at now: Date) -> Set<String> {
        let current = snapshot.withLock { $0 }
        return now < current.expiresAt ? current.held : []
    }

    /// Replaces the holdings with `grant`; `activeFindings` nil keeps the previous ones (no check
    /// was taken over, so no need to read them again).
    public func update(with grant: LeaseGrant, activeFindings: Set<String>?) {
        snapshot.withLock { current in
            current = Snapshot(held: grant.held, expiresAt: grant.expiresAt, activeFindings: activeFindings ?? current.activeFindings)
        }
    }
}
