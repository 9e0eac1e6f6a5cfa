import Synchronization
import TriageCore

/// Findings that other locations did not confirm, by check id, for the check's detector to forget
/// at its next turn (so its next bad result suspects the outage again). Kept by check id, not by
/// slot, because a reload may replace a check's slot while a suspicion is decided.
final class Retractions: Sendable {
    private let kinds = Mutex<[String: Set<FindingKind>]>([:])

    func add(_ kind: FindingKind, for checkID: String) {
        _ = kinds.withLock { $0[checkID, default: []].insert(kind) }
    }

    /// The kinds to forget for `checkID`, which are forgotten here.
    func take(for checkID: String) -> Set<FindingKind> {
        kinds.withLock { $0.removeValue(forKey: checkID) ?? [] }
    }
}
