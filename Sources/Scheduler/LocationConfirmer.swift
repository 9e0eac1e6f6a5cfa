import Detection
import Foundation
import Logging
import Synchronization
import TicketStore
import TriageCore

/// Confirmation from several locations, on one node: both sides of it.
///
/// - **Suspecting** (this node's detector decided an outage on a check with `confirm.locations`
///   over 1): ``suspect(_:check:)`` opens a suspicion in the store with this node's failed verdict
///   instead of raising; every second ``poll()`` reads it back and decides
///   (`ConfirmationDecision`): confirmed raises the incident with every location's verdict in its
///   evidence, not confirmed closes it and lets the detector raise again at the next bad result.
/// - **Confirming** (a suspicion opened in another location on a check this node has): ``poll()``
///   returns the checks to re-probe at once, held or not; ``record(_:on:)`` stores each verdict.
///
/// A node alone (no `--node`) counts as one location: it confirms at once, noting that fewer
/// locations than required were available.
actor LocationConfirmer {
    /// A suspicion this node opened, with the finding it raises if confirmed.
    struct Pending {
        let finding: Finding
        let check: Check
    }

    /// A re-probe this node owes another location's suspicion.
    struct Reprobe: Sendable {
        let suspicionID: Int64
        let check: Check
    }

    let store: any Suspicions & WorkLeases
    let runner: any CheckRunner
    let node: ProbeNode
    /// Whether other nodes share the store; alone, only this node's location is available.
    let shared: Bool
    /// The checks and the recorder in force: a reload replaces them (``replace(checks:)``,
    /// ``replace(recorder:)``) while suspicions are pending.
    private let current: Mutex<(checks: [String: Check], recorder: IncidentRecorder)>
    private var checks: [String: Check] { current.withLock { $0.checks } }
    private var recorder: IncidentRecorder { current.withLock { $0.recorder } }
    let clock: any TriageClock
    let logger: Logger
    /// Tells the scheduler to forget a finding in the check's detector, so its next bad result raises it again.
    let retract: @Sendable (_ checkID: String, _ kind: FindingKind) -> Void
    private var pending: [Int64: Pending] = [:]
    private var probing: Set<Int64> = []

    init(
        store: any Suspicions & WorkLeases, runner: any CheckRunner, node: ProbeNode, shared: Bool, checks: [Check], recorder: IncidentRecorder,
        clock: any TriageClock, logger: Logger, retract: @escaping @Sendable (String, FindingKind) -> Void
    ) {
        self.store = store
        self.runner = runner
        self.node = node
        self.shared = shared
        current = Mutex((Self.byID(checks), recorder))
        self.clock = clock
        self.logger = logger
        self.retract = retract
    }

    /// Makes `checks` the ones re-probed for other locations (a reload).
    nonisolated func replace(checks: [Check]) {
        current.withLock { $0.checks = Self.byID(checks) }
    }

    /// Raises what is confirmed from now on with `recorder`'s deadlines and windows (a reload).
    nonisolated func replace(recorder: IncidentRecorder) {
        current.withLock { $0.recorder = recorder }
    }

    private static func byID(_ checks: [Check]) -> [String: Check] {
        Dictionary(checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// How often suspicions are read: other locations re-probe within about this of a suspicion.
    static let pollInterval = Duration.seconds(1)

    /// Polls every second until cancelled; each re-probe runs in its own task, so a hanging target
    /// delays neither the next poll nor the other re-probes (each ends within its check's timeout).
    func run() async {
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled {
                for reprobe in await poll() {
                    group.addTask {
                        guard let result = try? await self.runner.run(reprobe.check) else { return await self.abandon(reprobe.suspicionID) }
                        await self.record(result, on: reprobe.suspicionID)
                    }
                }
                do { try await clock.sleep(until: clock.now.adding(Self.pollInterval)) } catch { break }
            }
            group.cancelAll()
        }
    }

    /// Opens (or joins) a suspicion instead of raising `finding`, and decides it at once (a node
    /// alone confirms at once). Returns false when the store failed: the caller retracts the finding.
    func suspect(_ finding: Finding, check: Check) async -> Bool {
        let now = clock.now
        let opening = SuspicionOpening(
            checkID: check.id, kind: finding.kind, required: check.confirm.locations,
            verdict: LocationVerdict(node: node.name, location: node.location, failed: true, reason: finding.summary, at: now),
            expiresAt: now.adding(check.confirm.within)
        )
        let suspicion: Suspicion
        do {
            suspicion = try await store.openSuspicion(opening)
        } catch {
            logger.error("suspicion.open_failed", metadata: ["check.id": "\(check.id)", "error": "\(error)"])
            return false
        }
        logger.notice("suspicion.opened", metadata: [
            "suspicion.id": "\(suspicion.id)", "check.id": "\(check.id)", "finding.kind": "\(finding.kind.rawValue)",
            "required": "\(check.confirm.locations)",
        ])
        pending[suspicion.id] = Pending(finding: finding, check: check)
        await decide(suspicion, liveLocations: try? await liveLocations())
        return true
    }

    /// A check whose pending outage recovered here before it was confirmed: its suspicions close unconfirmed.
    func recovered(_ checkID: String, kind: FindingKind) async {
        for (id, entry) in pending where entry.check.id == checkID && entry.finding.kind == kind {
            pending[id] = nil
            try? await store.closeSuspicion(id, as: .notConfirmed, at: clock.now)
            logger.notice("suspicion.not_confirmed", metadata: ["suspicion.id": "\(id)", "reason": "recovered before confirmation"])
        }
    }

    /// One round: decides this node's pending suspicions and returns the re-probes owed to other locations.
    func poll() async -> [Reprobe] {
        let now = clock.now
        if !pending.isEmpty {
            let live = try? await liveLocations()
            for id in pending.keys.sorted() {
                do {
                    if let suspicion = try await store.suspicion(id: id) { await decide(suspicion, liveLocations: live) }
                } catch {
                    logger.error("suspicion.read_failed", metadata: ["suspicion.id": "\(id)", "error": "\(error)"])
                }
            }
        }
        guard shared else { return [] }
        let open: [Suspicion]
        do {
            open = try await store.openSuspicions(at: now)
        } catch {
            logger.error("suspicion.poll_failed", metadata: ["error": "\(error)"])
            return []
        }
        let owed = open.filter { suspicion in
            suspicion.openedIn != node.location && checks[suspicion.checkID] != nil && !probing.contains(suspicion.id)
                && !suspicion.verdicts.contains { $0.node == node.name }
        }
        probing.formUnion(owed.map(\.id))
        return owed.compactMap { suspicion in checks[suspicion.checkID].map { Reprobe(suspicionID: suspicion.id, check: $0) } }
    }

    /// Stores this node's verdict from a re-probe.
    func record(_ result: ProbeResult, on suspicionID: Int64) async {
        probing.remove(suspicionID)
        let verdict = LocationVerdict(
            node: node.name, location: node.location, failed: result.outcome == .down, reason: result.reason, at: result.startedAt
        )
        do {
            try await store.recordVerdict(verdict, on: suspicionID)
            logger.info("suspicion.verdict", metadata: [
                "suspicion.id": "\(suspicionID)", "check.id": "\(result.checkID)", "failed": "\(verdict.failed)",
            ])
        } catch {
            logger.error("suspicion.verdict_failed", metadata: ["suspicion.id": "\(suspicionID)", "error": "\(error)"])
        }
    }

    /// A re-probe that was cancelled: another round may try it again.
    func abandon(_ suspicionID: Int64) {
        probing.remove(suspicionID)
    }

    /// Acts on the decision for one of this node's suspicions.
    private func decide(_ suspicion: Suspicion, liveLocations: Set<String>?) async {
        // Without the nodes' list (the store failed) it waits: it must never confirm on too few locations.
        guard let entry = pending[suspicion.id], let live = liveLocations else { return }
        let metadata: Logger.Metadata = ["suspicion.id": "\(suspicion.id)", "check.id": "\(suspicion.checkID)"]
        switch ConfirmationDecision.decide(suspicion, liveLocations: live, now: clock.now) {
        case .pending:
            return
        case .confirmed(let evidence):
            pending[suspicion.id] = nil
            try? await store.closeSuspicion(suspicion.id, as: .confirmed, at: clock.now)
            logger.notice("suspicion.confirmed", metadata: metadata.merging(["evidence": "\(evidence.last ?? "")"]) { $1 })
            var finding = entry.finding
            finding.evidence += evidence
            if await !recorder.raise(finding) { retract(entry.check.id, finding.kind) }
        case .notConfirmed(let reason):
            pending[suspicion.id] = nil
            try? await store.closeSuspicion(suspicion.id, as: .notConfirmed, at: clock.now)
            logger.notice("suspicion.not_confirmed", metadata: metadata.merging(["reason": "\(reason)"]) { $1 })
            retract(entry.check.id, entry.finding.kind)
        }
    }

    /// The locations of the live nodes (this one's always among them); only this one's when alone.
    private func liveLocations() async throws -> Set<String> {
        guard shared else { return [node.location] }
        let now = clock.now
        return Set(try await store.nodes(at: now).filter { $0.state(at: now) == .live }.map(\.location)).union([node.location])
    }
}
