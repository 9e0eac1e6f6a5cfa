import Foundation
import TriageCore

/// Which checks this node may probe, asked by the scheduler each time a check comes due: a check
/// it does not hold is skipped and stays on its grid, so it is probed again as soon as the node
/// holds it.
///
/// A single `triage run` owns everything (``EveryCheck``, no lease traffic); several nodes sharing
/// a store hold leases (`LeasedChecks`), renewed by the daemon's lease service.
///
/// ```swift
/// if ownership.holds(check.id, at: clock.now) { probe(check) }
/// ```
public protocol CheckOwnership: Sendable {
    /// Whether this node may start a probe of `checkID` at `now`.
    func holds(_ checkID: String, at now: Date) -> Bool

    /// Dedup keys of the incidents that were active when this node last took checks over: a check
    /// taken over from another node resumes its open incidents, so it can resolve them on recovery.
    var activeFindings: Set<String> { get }
}

/// The single-node default: every check is this node's, always.
public struct EveryCheck: CheckOwnership {
    public init() {}

    public func holds(_ checkID: String, at now: Date) -> Bool { true }

    public var activeFindings: Set<String> { [] }
}
