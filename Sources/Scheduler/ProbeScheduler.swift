import Detection
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TicketStore
import TriageCore

/// Runs every check on its own interval and feeds the results to detection and the store.
///
/// - Each check starts at a stable offset within its interval (a hash of its id), so ten thousand
///   checks with the same interval are spread evenly instead of firing together, and stay on the
///   same grid across restarts.
/// - At most `concurrency` probes run at once, and at most `perHostConcurrency` against one host.
///   A slow or hanging target holds one slot until its own timeout: it never delays the others.
/// - A failed probe that detection wants confirmed is re-probed after the check's `recheckDelay`
///   instead of a whole interval later, so a real outage is confirmed in seconds.
/// - With several nodes on one store, a check comes due on every node's grid but is probed only by
///   the node that holds it (`CheckOwnership`); the others skip it to its next slot.
/// - A reload replaces the checks (`replaceChecks`) and the incident settings while it runs:
///   unchanged checks keep their grid position and detection streaks, see ``SlotTable``.
/// - On graceful shutdown (SIGTERM/SIGINT through `ServiceGroup`) probes in flight are cancelled
///   and the buffered results are written before `run()` returns.
public final class ProbeScheduler: Service {
    /// One check with its place on the time grid and its detector (touched by one probe at a time).
    final class Slot: Sendable {
        let check: Check
        let anchor: Date
        let detector: Mutex<CheckDetector>
        /// Whether this node held the check at its last turn: one it takes over starts detection afresh.
        let held = Atomic<Bool>(true)

        init(check: Check, anchor: Date, detector: CheckDetector) {
            self.check = check
            self.anchor = anchor
            self.detector = Mutex(detector)
        }
    }

    private let slots: Mutex<SlotTable>
    private let runner: any CheckRunner
    private let clock: any TriageClock
    private let logger: Logger
    private let state: Mutex<ScheduleState>
    private let wake = WakeSignal()
    private let writer: ResultWriter
    private let incidents: Mutex<IncidentRecorder>
    private let observer: (any ProbeObserver)?
    private let confirmer: LocationConfirmer?
    private let retractions = Retractions()
    private let ownership: any CheckOwnership
    private let flushInterval: Duration
    private let completed = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)

    /// - Parameters:
    ///   - checks: every configured check.
    ///   - activeFindings: dedup keys of incidents already open in the store (after a restart).
    ///   - plans: the deadlines of each customer (its support plan, or the standard policy).
    ///   - reopenWithin: a fault that returns this soon after recovering reopens its incident.
    ///   - maintenance: the planned windows during which faults page nobody.
    ///   - ownership: which checks this node probes; every one unless it shares a store with other nodes.
    ///   - node: this node, named in the evidence of the incidents it raises; nil for a single node.
    ///   - observer: told of every result (metrics); nil tells no one.
    ///   - suspicions: where outages that other locations must confirm wait (`confirm:`); nil raises them at once.
    public init(
        checks: [Check], activeFindings: Set<String>, runner: any CheckRunner, store: any TicketStore,
        clock: any TriageClock, concurrency: Int, perHostConcurrency: Int,
        plans: SupportPlans, reopenWithin: Duration, maintenance: MaintenanceCalendar = MaintenanceCalendar(),
        ownership: any CheckOwnership = EveryCheck(), node: ProbeNode? = nil,
        observer: (any ProbeObserver)? = nil, suspicions: (any Suspicions & WorkLeases)? = nil,
        flushInterval: Duration = .milliseconds(250), logger: Logger
    ) {
        var table = SlotTable()
        let added = table.replace(with: checks, now: clock.now, activeFindings: activeFindings).added
        slots = Mutex(table)
        self.observer = observer
        self.ownership = ownership
        self.runner = runner
        self.clock = clock
        self.logger = logger
        self.flushInterval = flushInterval
        state = Mutex(ScheduleState(concurrency: concurrency, perHostConcurrency: perHostConcurrency))
        writer = ResultWriter(store: store, logger: logger)
        var recorder = IncidentRecorder(
            store: store, plans: plans, reopenWithin: reopenWithin, maintenance: maintenance, node: node, logger: logger
        )
        let retractions = retractions
        confirmer = suspicions.map { suspicions in
            LocationConfirmer(
                store: suspicions, runner: runner, node: node ?? ProbeNode(name: "local", location: "local", startedAt: clock.now),
                shared: node != nil, checks: checks, recorder: recorder, clock: clock, logger: logger,
                retract: { id, kind in retractions.add(kind, for: id) }
            )
        }
        recorder.confirmer = confirmer
        incidents = Mutex(recorder)
        state.withLock { state in
            for (id, slot) in added { state.schedule(.init(slot: id, host: slot.check.host), at: slot.anchor) }
        }
    }

    /// Makes `checks` the scheduled set while running (a configuration reload): new checks are
    /// scheduled at their stable offset from now; removed ones are never probed again (a probe in
    /// flight finishes and its result is kept) and their open incidents stay open for a person to
    /// resolve; changed ones start afresh, resuming the incidents of `activeFindings`; unchanged
    /// ones keep their place and their detection streaks.
    @discardableResult
    public func replaceChecks(_ checks: [Check], activeFindings: Set<String>) -> CheckSetChange {
        let now = clock.now
        let (change, added) = slots.withLock { $0.replace(with: checks, now: now, activeFindings: activeFindings) }
        confirmer?.replace(checks: checks)
        state.withLock { state in
            for (id, slot) in added { state.schedule(.init(slot: id, host: slot.check.host), at: slot.anchor) }
        }
        wake.signal()
        return change
    }

    /// Replaces the deadlines, reopen window and maintenance windows used for incidents raised from now on.
    public func replaceIncidentSettings(plans: SupportPlans, reopenWithin: Duration, maintenance: MaintenanceCalendar) {
        incidents.withLock { recorder in
            var replaced = IncidentRecorder(
                store: recorder.store, plans: plans, reopenWithin: reopenWithin, maintenance: maintenance, node: recorder.node,
                logger: recorder.logger
            )
            // The confirmer raises what other locations confirmed with the same settings.
            recorder.confirmer?.replace(recorder: replaced)
            replaced.confirmer = recorder.confirmer
            recorder = replaced
        }
    }

    /// The ids of the checks scheduled now, in no particular order.
    public var checkIDs: [String] { slots.withLock { $0.byID.values.map(\.check.id) } }

    private func slot(_ id: Int) -> Slot? { slots.withLock { $0[id] } }

    /// Probes completed since start (for benchmarks and status).
    public var probesCompleted: Int { completed.load(ordering: .relaxed) }

    /// Results written to the store since start.
    public var resultsWritten: Int { get async { await writer.written } }

    public func run() async throws {
        logger.info("scheduler.started", metadata: ["checks": "\(slots.withLock { $0.count })"])
        await withDiscardingTaskGroup { group in
            group.addTask { await self.flushPeriodically() }
            if let confirmer { group.addTask { await confirmer.run() } }
            await self.dispatch(into: &group)
            group.cancelAll()
        }
        _ = await Task { await writer.flush() }.value
        logger.info("scheduler.stopped", metadata: ["probes.completed": "\(probesCompleted)"])
    }

    /// Starts due probes until cancelled or until the service group shuts down gracefully.
    private func dispatch(into group: inout DiscardingTaskGroup) async {
        await withGracefulShutdownHandler {
            while !Task.isCancelled, !stopping.load(ordering: .relaxed) {
                let now = clock.now
                let (start, wakeAt) = state.withLock { $0.takeDue(now: now, isLive: { self.slot($0) != nil }) }
                for turn in start {
                    group.addTask { await self.work(startingWith: turn) }
                }
                await wake.wait(until: wakeAt, on: clock)
            }
        } onGracefulShutdown: {
            self.stopping.store(true, ordering: .relaxed)
            self.wake.signal()
        }
    }

    private func flushPeriodically() async {
        while !Task.isCancelled {
            do { try await clock.sleep(until: clock.now.adding(flushInterval)) } catch { return }
            await writer.flush()
        }
    }

    /// Probes `first`, then whatever is due when it ends, until nothing is due now. A slot retired
    /// by a reload (before or during its probe) is not put back on the grid.
    private func work(startingWith first: ScheduleState.Turn) async {
        var turn: ScheduleState.Turn? = first
        while let current = turn {
            var nextDue: Date?
            if let slot = slot(current.slot) {
                guard let due = await probe(slot) else { return }
                nextDue = self.slot(current.slot) == nil ? nil : due
            }
            let now = clock.now
            let (next, wake) = state.withLock {
                $0.finish(current, nextDue: nextDue, now: now, isLive: { self.slot($0) != nil })
            }
            if wake { self.wake.signal() }
            turn = stopping.load(ordering: .relaxed) ? nil : next
        }
    }

    /// Runs one probe and applies its result; returns when the check is due next (nil when cancelled).
    private func probe(_ slot: Slot) async -> Date? {
        guard takeTurn(slot) else { return nextDue(slot, now: clock.now, recheck: false) }
        guard let result = try? await runner.run(slot.check) else { return nil }
        await writer.append(result)
        observer?.probed(slot.check, result: result)
        var detector = slot.detector.withLock { $0 }
        for kind in retractions.take(for: slot.check.id) { detector.retract(kind) }
        let verdict = detector.observe(result)
        if !verdict.raised.isEmpty || !verdict.recovered.isEmpty {
            await incidents.withLock { $0 }.apply(verdict, at: result.startedAt, to: &detector)
        }
        slot.detector.withLock { $0 = detector }
        completed.add(1, ordering: .relaxed)
        return nextDue(slot, now: clock.now, recheck: verdict.recheckSoon)
    }

    /// Whether this node probes `slot` now. A check it takes over (from another node, or back after
    /// losing the store) starts detection afresh from the incidents active when it took it over.
    private func takeTurn(_ slot: Slot) -> Bool {
        guard ownership.holds(slot.check.id, at: clock.now) else {
            slot.held.store(false, ordering: .relaxed)
            return false
        }
        if !slot.held.exchange(true, ordering: .relaxed) {
            let active = SlotTable.kinds(of: slot.check, in: ownership.activeFindings)
            slot.detector.withLock { $0 = CheckDetector(check: slot.check, active: active) }
            _ = retractions.take(for: slot.check.id)
        }
        return true
    }

    /// The next instant on the check's grid after `now`, or sooner for a confirming re-probe.
    func nextDue(_ slot: Slot, now: Date, recheck: Bool) -> Date {
        let interval = slot.check.interval.inSeconds
        let elapsed = now.timeIntervalSince(slot.anchor)
        let steps = max(0, (elapsed / interval).rounded(.down) + 1)
        let onGrid = slot.anchor.addingTimeInterval(steps * interval)
        guard recheck else { return onGrid }
        return min(onGrid, now.adding(slot.check.detection.recheckDelay))
    }
}
