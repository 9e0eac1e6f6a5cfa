import Foundation
import Logging
import Scheduler
import SQLiteStore
import Synchronization
import TicketStore
import Testing
import TriageCore
import TriageTesting

/// A runner whose results follow a script of (check, time) → outcome; it records every call with
/// the test clock's time, and can hold a probe for some clock time or forever (a hanging server).
final class ScriptedRunner: CheckRunner {
    struct Call: Sendable { var checkID: String; var at: Date }
    enum Behaviour: Sendable { case answer(ProbeOutcome, status: Int?), hold(Duration, ProbeOutcome), hang }

    let clock: TestClock
    let script: @Sendable (Check, Date) -> Behaviour
    private let state = Mutex<(calls: [Call], inFlight: Int, maxInFlight: Int, maxByHost: [String: Int], byHost: [String: Int])>(([], 0, 0, [:], [:]))

    init(clock: TestClock, script: @escaping @Sendable (Check, Date) -> Behaviour) {
        self.clock = clock
        self.script = script
    }

    var calls: [Call] { state.withLock { $0.calls } }
    var inFlight: Int { state.withLock { $0.inFlight } }
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }
    func maxInFlight(host: String) -> Int { state.withLock { $0.maxByHost[host, default: 0] } }
    func calls(of checkID: String) -> [Date] { calls.filter { $0.checkID == checkID }.map(\.at) }

    func run(_ check: Check) async throws -> ProbeResult {
        let now = clock.now
        state.withLock { state in
            state.calls.append(Call(checkID: check.id, at: now))
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            state.byHost[check.host, default: 0] += 1
            state.maxByHost[check.host] = max(state.maxByHost[check.host, default: 0], state.byHost[check.host]!)
        }
        defer { state.withLock { $0.inFlight -= 1; $0.byHost[check.host, default: 1] -= 1 } }
        switch script(check, now) {
        case .answer(let outcome, let status):
            return Self.result(check, at: now, outcome: outcome, status: status)
        case .hold(let duration, let outcome):
            try await clock.sleep(until: now.adding(duration))
            return Self.result(check, at: now, outcome: outcome, status: 200)
        case .hang:
            try await clock.sleep(until: .distantFuture)
            throw CancellationError()
        }
    }

    static func result(_ check: Check, at: Date, outcome: ProbeOutcome, status: Int?) -> ProbeResult {
        ProbeResult(
            checkID: check.id, startedAt: at, outcome: outcome, failure: outcome == .down ? .connectionRefused : nil,
            reason: outcome == .down ? "connection refused" : "HTTP 200", statusCode: status, timings: PhaseTimings(total: 0.01)
        )
    }
}

/// A scheduler under test, with its clock, runner, store and running task.
struct SchedulerHarness {
    let clock: TestClock
    let runner: ScriptedRunner
    let store: SQLiteTicketStore
    let scheduler: ProbeScheduler
    let task: Task<Void, any Error>

    static func start(
        checks: [Check], clock: TestClock, store: SQLiteTicketStore, concurrency: Int = 64, perHost: Int = 64,
        maintenance: MaintenanceCalendar = MaintenanceCalendar(), ownership: any CheckOwnership = EveryCheck(),
        node: ProbeNode? = nil, suspicions: (any Suspicions & WorkLeases)? = nil, script: @escaping @Sendable (Check, Date) -> ScriptedRunner.Behaviour
    ) async throws -> SchedulerHarness {
        let runner = ScriptedRunner(clock: clock, script: script)
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let scheduler = ProbeScheduler(
            checks: checks, activeFindings: try await store.activeDedupKeys(), runner: runner, store: store, clock: clock,
            concurrency: concurrency, perHostConcurrency: perHost, plans: SupportPlans(), reopenWithin: .seconds(1800),
            maintenance: maintenance, ownership: ownership, node: node, suspicions: suspicions, logger: logger
        )
        let task = Task { try await scheduler.run() }
        let harness = SchedulerHarness(clock: clock, runner: runner, store: store, scheduler: scheduler, task: task)
        await harness.settle()
        return harness
    }

    /// Lets the scheduler react to the current time: waits (in real time, briefly) until its
    /// work for this instant is done and it sleeps on the clock again.
    func settle() async {
        var quiet = 0
        var lastCalls = -1
        for _ in 0..<3000 {
            await Task.yield()
            try? await Task.sleep(for: .milliseconds(1))
            let calls = runner.calls.count
            quiet = (calls == lastCalls && clock.sleeperCount >= 1) ? quiet + 1 : 0
            lastCalls = calls
            if quiet >= 8 { return }
        }
    }

    /// Advances the clock second by second up to `seconds`, settling at each step.
    func run(for seconds: Int, step: Double = 1) async {
        let end = clock.now.addingTimeInterval(Double(seconds))
        while clock.now < end {
            clock.advance(by: .seconds(double: step))
            await settle()
        }
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

func makeCheck(_ name: String, host: String = "127.0.0.1", interval: Int = 60, detection: DetectionSettings = .standard) -> Check {
    Check(
        targetID: "acme/\(name)", customer: "acme", name: "http",
        spec: .http(HTTPCheckSpec(url: URL(string: "http://\(host)/\(name)")!)),
        interval: .seconds(interval), timeout: .seconds(30), detection: detection
    )
}

func temporaryStore(clock: any TriageClock) async throws -> SQLiteTicketStore {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-scheduler-\(UUID().uuidString)")
    let store = try SQLiteTicketStore(path: directory.appendingPathComponent("store.sqlite").path, clock: clock)
    try await store.migrate()
    return store
}
