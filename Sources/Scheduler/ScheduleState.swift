import Foundation
import HeapModule
import TriageCore

/// The dispatcher's bookkeeping, kept under one lock: which check is due when, how many probes
/// run in all and per host, and which due checks wait for their host to have room.
///
/// A check is either in the heap, parked behind its host, or in flight: never twice, so one
/// check's detector is only ever touched by one probe at a time. Slots are named by ids that a
/// reload never reuses: a slot the check set no longer has is dropped when it comes up
/// (`isLive`), and one in flight is not put back when its probe ends.
struct ScheduleState {
    /// A slot and the host it probes, as handed to a worker: the host travels with it, so a slot
    /// retired during its probe still gives its host's room back.
    struct Turn: Hashable {
        var slot: Int
        var host: String
    }

    struct Due: Comparable {
        var at: Date
        var turn: Turn
        static func < (lhs: Due, rhs: Due) -> Bool { (lhs.at, lhs.turn.slot) < (rhs.at, rhs.turn.slot) }
        static func == (lhs: Due, rhs: Due) -> Bool { (lhs.at, lhs.turn.slot) == (rhs.at, rhs.turn.slot) }
    }

    let concurrency: Int
    let perHostConcurrency: Int
    private var heap = Heap<Due>()
    private var inFlight = 0
    private var inFlightByHost: [String: Int] = [:]
    private var parkedByHost: [String: [Int]] = [:]
    /// When the dispatcher will look again on its own; a sooner due check must wake it.
    private(set) var plannedWake: Date?

    init(concurrency: Int, perHostConcurrency: Int) {
        self.concurrency = max(1, concurrency)
        self.perHostConcurrency = max(1, perHostConcurrency)
    }

    mutating func schedule(_ turn: Turn, at date: Date) {
        heap.insert(Due(at: date, turn: turn))
    }

    /// Takes every due check that may start now, and says when to look again (nil: only when woken).
    mutating func takeDue(now: Date, isLive: (Int) -> Bool) -> (start: [Turn], wakeAt: Date?) {
        var start: [Turn] = []
        while let turn = takeOne(now: now, isLive: isLive) {
            start.append(turn)
        }
        plannedWake = inFlight < concurrency ? heap.min?.at : nil
        return (start, plannedWake)
    }

    /// Records that the probe of `turn` ended and when it is due next (nil: its slot was retired
    /// by a reload), then hands the same worker the next check due now, if any: under load,
    /// finished probes chain into the next ones without waking the dispatcher. Says whether the
    /// dispatcher must re-plan (an earlier due time than it sleeps until, or room it does not know of).
    mutating func finish(_ turn: Turn, nextDue: Date?, now: Date, isLive: (Int) -> Bool) -> (next: Turn?, wake: Bool) {
        inFlight -= 1
        inFlightByHost[turn.host, default: 1] -= 1
        if inFlightByHost[turn.host] == 0 { inFlightByHost[turn.host] = nil }
        if let nextDue { heap.insert(Due(at: nextDue, turn: turn)) }
        if var parked = parkedByHost[turn.host], !parked.isEmpty {
            heap.insert(Due(at: now, turn: Turn(slot: parked.removeFirst(), host: turn.host)))
            parkedByHost[turn.host] = parked.isEmpty ? nil : parked
        }
        let next = takeOne(now: now, isLive: isLive)
        guard inFlight < concurrency, let earliest = heap.min?.at else { return (next, false) }
        return (next, plannedWake.map { earliest < $0 } ?? true)
    }

    /// Pops the earliest due check that may start now, parking those whose host is at its limit
    /// and dropping those whose slot was retired.
    private mutating func takeOne(now: Date, isLive: (Int) -> Bool) -> Turn? {
        while inFlight < concurrency, let next = heap.min, next.at <= now {
            heap.removeMin()
            guard isLive(next.turn.slot) else { continue }
            let host = next.turn.host
            if inFlightByHost[host, default: 0] >= perHostConcurrency {
                parkedByHost[host, default: []].append(next.turn.slot)
                continue
            }
            inFlightByHost[host, default: 0] += 1
            inFlight += 1
            return next.turn
        }
        return nil
    }
}
