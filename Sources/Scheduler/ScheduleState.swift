import Foundation
import HeapModule
import TriageCore

/// The dispatcher's bookkeeping, kept under one lock: which check is due when, how many probes
/// run in all and per host, and which due checks wait for their host to have room.
///
/// A check is either in the heap, parked behind its host, or in flight: never twice, so one
/// check's detector is only ever touched by one probe at a time.
struct ScheduleState {
    struct Due: Comparable {
        var at: Date
        var index: Int
        static func < (lhs: Due, rhs: Due) -> Bool { (lhs.at, lhs.index) < (rhs.at, rhs.index) }
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

    mutating func schedule(_ index: Int, at date: Date) {
        heap.insert(Due(at: date, index: index))
    }

    /// Takes every due check that may start now, and says when to look again (nil: only when woken).
    mutating func takeDue(now: Date, host: (Int) -> String) -> (start: [Int], wakeAt: Date?) {
        var start: [Int] = []
        while let index = takeOne(now: now, host: host) {
            start.append(index)
        }
        plannedWake = inFlight < concurrency ? heap.min?.at : nil
        return (start, plannedWake)
    }

    /// Records that the probe of `index` on `host` ended and when it is due next, then hands the
    /// same worker the next check due now, if any: under load, finished probes chain into the
    /// next ones without waking the dispatcher. Says whether the dispatcher must re-plan (an
    /// earlier due time than it sleeps until, or room it does not know of).
    mutating func finish(_ index: Int, host: String, nextDue: Date, now: Date, hostOf: (Int) -> String) -> (next: Int?, wake: Bool) {
        inFlight -= 1
        inFlightByHost[host, default: 1] -= 1
        if inFlightByHost[host] == 0 { inFlightByHost[host] = nil }
        heap.insert(Due(at: nextDue, index: index))
        if var parked = parkedByHost[host], !parked.isEmpty {
            heap.insert(Due(at: now, index: parked.removeFirst()))
            parkedByHost[host] = parked.isEmpty ? nil : parked
        }
        let next = takeOne(now: now, host: hostOf)
        guard inFlight < concurrency, let earliest = heap.min?.at else { return (next, false) }
        return (next, plannedWake.map { earliest < $0 } ?? true)
    }

    /// Pops the earliest due check that may start now, parking those whose host is at its limit.
    private mutating func takeOne(now: Date, host: (Int) -> String) -> Int? {
        while inFlight < concurrency, let next = heap.min, next.at <= now {
            heap.removeMin()
            let name = host(next.index)
            if inFlightByHost[name, default: 0] >= perHostConcurrency {
                parkedByHost[name, default: []].append(next.index)
                continue
            }
            inFlightByHost[name, default: 0] += 1
            inFlight += 1
            return next.index
        }
        return nil
    }
}
