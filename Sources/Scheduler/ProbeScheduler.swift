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
        /// Findings other locations did not confirm, for the detector to forget at its next turn.
        let unconfirmed = Mutex<Set<FindingKind>>([])

        init(check: Check, anchor: Date, detector: CheckDetector) {
            self.check = check
            self.anchor = anchor
            self.detector = Mutex(detector)
        }
    }

    private let slots: [Slot]
    private let runner: any CheckRunner
    private let clock: any TriageClock
    private let logger: Logger
    private let state: Mutex<ScheduleState>
    private let wake = WakeSignal()
    private let writer: ResultWriter
    private let incidents: IncidentRecorder
    private let confirmer: LocationConfirmer?
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
    ///   - suspicions: where outages that other locations must confirm wait (`confirm:`); nil raises them at once.
    public init(
        checks: [Check], activeFindings: Set<String>, runner: any CheckRunner, store: any TicketStore,
        clock: any TriageClock, concurrency: Int, perHostConcurrency: Int,
        plans: SupportPlans, reopenWithin: Duration, maintenance: MaintenanceCalendar = MaintenanceCalendar(),
        ownership: any CheckOwnership = EveryCheck(), node: ProbeNode? = nil,
        suspicions: (any Suspicions & WorkLeases)? = nil, flushInterval: Duration = .milliseconds(250), logger: Logger
    ) {
        let start = clock.now
        let slots = checks.map { check in
            Slot(check: check, anchor: start.adding(StableOffset.within(check.interval, for: check.id)),
                 detector: CheckDetector(check: check, active: Self.kinds(of: check, in: activeFindings)))
        }
        self.slots = slots
        self.ownership = ownership
        self.runner = runner
        self.clock = clock
        self.logger = logger
        self.flushInterval = flushInterval
        state = Mutex(ScheduleState(concurrency: concurrency, perHostConcurrency: perHostConcurrency))
        writer = ResultWriter(store: store, logger: logger)
        var incidents = IncidentRecorder(
            store: store, plans: plans, reopenWithin: reopenWithin, maintenance: maintenance, node: node, logger: logger
        )
        confirmer = suspicions.map { suspicions in
            let slotsByID = Dictionary(slots.map { ($0.check.id, $0) }, uniquingKeysWith: { first, _ in first })
            return LocationConfirmer(
                store: suspicions, runner: runner, node: node ?? ProbeNode(name: "local", location: "local", startedAt: start),
                shared: node != nil, checks: checks, recorder: incidents, clock: clock, logger: logger,
                retract: { id, kind in _ = slotsByID[id]?.unconfirmed.withLock { $0.insert(kind) } }
            )
        }
        incidents.confirmer = confirmer
        self.incidents = incidents
        state.withLock { state in
            for (index, slot) in slots.enumerated() { state.schedule(index, at: slot.anchor) }
        }
    }

    /// Probes completed since start (for benchmarks and status).
    public var probesCompleted: Int { completed.load(ordering: .relaxed) }

    /// Results written to the store since start.
    public var resultsWritten: Int { get async { await writer.written } }

    public func run() async throws {
        logger.info("scheduler.started", metadata: ["checks": "\(slots.count)"])
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
                let (start, wakeAt) = state.withLock { $0.takeDue(now: now, host: { self.slots[$0].check.host }) }
                for index in start {
                    group.addTask { await self.work(startingWith: index) }
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

    /// Probes `first`, then whatever is due when it ends, until nothing is due now.
    private func work(startingWith first: Int) async {
        var index: Int? = first
        while let current = index, let nextDue = await probe(current) {
            let slot = slots[current]
            let now = clock.now
            let (next, wake) = state.withLock {
                $0.finish(current, host: slot.check.host, nextDue: nextDue, now: now, hostOf: { self.slots[$0].check.host })
            }
            if wake { self.wake.signal() }
            index = stopping.load(ordering: .relaxed) ? nil : next
        }
    }

    /// Runs one probe and applies its result; returns when the check is due next (nil when cancelled).
    private func probe(_ index: Int) async -> Date? {
        let slot = slots[index]
        guard takeTurn(slot) else { return nextDue(slot, now: clock.now, recheck: false) }
        guard let result = try? await runner.run(slot.check) else { return nil }
        await writer.append(result)
        var detector = slot.detector.withLock { $0 }
        let unconfirmed = slot.unconfirmed.withLock { kinds in
            defer { kinds.removeAll() }
            return kinds
        }
        for kind in unconfirmed { detector.retract(kind) }
        let verdict = detector.observe(result)
        if !verdict.raised.isEmpty || !verdict.recovered.isEmpty {
            await incidents.apply(verdict, at: result.startedAt, to: &detector)
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
            let active = Self.kinds(of: slot.check, in: ownership.activeFindings)
            slot.detector.withLock { $0 = CheckDetector(check: slot.check, active: active) }
            slot.unconfirmed.withLock { $0.removeAll() }
        }
        return true
    }

    /// The kinds of finding active for `check` among the store's active dedup keys.
    private static func kinds(of check: Check, in activeFindings: Set<String>) -> Set<FindingKind> {
        Set(FindingKind.allCases.filter { activeFindings.contains(Finding.dedupKey(checkID: check.id, kind: $0)) })
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
