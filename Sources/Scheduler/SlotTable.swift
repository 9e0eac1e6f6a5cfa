import Detection
import Foundation
import TriageCore

/// The scheduler's slots by id, and which slot runs each check id. A reload replaces the set:
/// an unchanged check keeps its slot (grid position, detector and streaks); a changed or new
/// check gets a new slot with a new id, so a probe still in flight for the old one never
/// touches the new detector, and the old id is simply dropped when it comes up.
struct SlotTable {
    private(set) var byID: [Int: ProbeScheduler.Slot] = [:]
    private var idByCheck: [String: Int] = [:]
    private var nextID = 0

    /// The slot of id `id`, nil once retired.
    subscript(id: Int) -> ProbeScheduler.Slot? { byID[id] }

    var count: Int { byID.count }

    /// Makes `checks` the set; returns what changed and the new slots, which the caller schedules
    /// at their anchors. New detectors resume the incidents of `activeFindings` (dedup keys).
    mutating func replace(
        with checks: [Check], now: Date, activeFindings: Set<String>
    ) -> (change: CheckSetChange, added: [(id: Int, slot: ProbeScheduler.Slot)]) {
        var change = CheckSetChange()
        var added: [(id: Int, slot: ProbeScheduler.Slot)] = []
        var kept: [String: Int] = [:]
        var slots: [Int: ProbeScheduler.Slot] = [:]
        for check in checks where kept[check.id] == nil {
            if let id = idByCheck[check.id], let slot = byID[id], slot.check == check {
                kept[check.id] = id
                slots[id] = slot
                change.unchanged += 1
                continue
            }
            if idByCheck[check.id] != nil { change.changed.append(check.id) } else { change.added.append(check.id) }
            let slot = ProbeScheduler.Slot(
                check: check, anchor: now.adding(StableOffset.within(check.interval, for: check.id)),
                detector: CheckDetector(check: check, active: Self.kinds(of: check, in: activeFindings))
            )
            nextID += 1
            kept[check.id] = nextID
            slots[nextID] = slot
            added.append((nextID, slot))
        }
        change.removed = idByCheck.keys.filter { kept[$0] == nil }.sorted()
        byID = slots
        idByCheck = kept
        return (change, added)
    }

    /// The kinds of finding active for `check` among the store's active dedup keys.
    static func kinds(of check: Check, in activeFindings: Set<String>) -> Set<FindingKind> {
        Set(FindingKind.allCases.filter { activeFindings.contains(Finding.dedupKey(checkID: check.id, kind: $0)) })
    }
}
