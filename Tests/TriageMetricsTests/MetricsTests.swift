import CurlEngine
import DNSResolver
import Foundation
import Logging
import Probes
import Scheduler
import SQLiteStore
import Testing
import TicketStore
import TriageCore
import TriageMetrics
import TriageTesting

/// The metrics of a real scheduler probing the real test nginx, scraped and parsed back.
@Suite(.serialized)
struct MetricsTests {
    func check(_ site: String, url: String) -> Check {
        Check(
            targetID: "acme/\(site)", customer: "acme", name: "http", spec: .http(HTTPCheckSpec(url: URL(string: url)!)),
            interval: .seconds(1), timeout: .seconds(5), detection: .standard
        )
    }

    @Test func probesAndTicketsShowInTheExposition() async throws {
        let nginx = try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")
        let good = check("www", url: "\(nginx)/ok")
        let failing = check("shop", url: "\(nginx)/500")
        let oddlyNamed = check(#"we"ird\site"#, url: "\(nginx)/ok")
        let clock = SystemClock()
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let folder = try TemporaryFolder()
        let store = try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock)
        try await store.migrate()
        _ = try await store.file(
            NewTicket(code: .white, customer: "acme", summary: "a question", openedBy: "ana"), plans: SupportPlans(), at: clock.now
        )
        let engine = try CurlEngine(logger: logger)
        let resolver = try DNSResolver(logger: logger)
        defer {
            resolver.shutdown()
            engine.shutdown()
        }
        let metrics = TriageMetrics(store: store, clock: clock)
        let scheduler = ProbeScheduler(
            checks: [good, failing, oddlyNamed], activeFindings: [], runner: ProbeRegistry(engine: engine, resolver: resolver, clock: clock),
            store: store, clock: clock, concurrency: 4, perHostConcurrency: 4, plans: SupportPlans(), reopenWithin: .zero,
            observer: metrics, logger: logger
        )
        let running = Task { try await scheduler.run() }
        let end = Date().addingTimeInterval(30)
        while Date() < end, try await store.tickets(TicketFilter(codes: [.red])).isEmpty || scheduler.probesCompleted < 12 {
            try await Task.sleep(for: .milliseconds(200))
        }
        running.cancel()
        _ = await running.result

        let text = try await metrics.exposition()
        let exposition = try Exposition(text)
        #expect(exposition.value("triage_check_up", ["check": good.id, "kind": "http", "target": good.targetID]) == 1, "\(text)")
        #expect(exposition.value("triage_check_up", ["check": failing.id]) == 0)
        #expect(exposition.value("triage_check_up", ["check": oddlyNamed.id]) == 1, "a quote and a backslash survive escaping")
        #expect(text.contains(#"check="acme/we\"ird\\site/http""#), "escaped as the text format says")
        #expect(exposition.types["triage_probe_duration_seconds"] == "histogram")
        for probed in [good, failing, oddlyNamed] {
            let stored = try await store.results(checkID: probed.id, from: .distantPast, to: .distantFuture)
            #expect(stored.count > 0)
            #expect(exposition.value("triage_probe_duration_seconds_count", ["check": probed.id]) == Double(stored.count))
            #expect(exposition.value("triage_probe_duration_seconds_bucket", ["check": probed.id, "le": "+Inf"]) == Double(stored.count))
        }
        let failures = try await store.results(checkID: failing.id, from: .distantPast, to: .distantFuture)
        #expect(failures.allSatisfy { $0.failure == .serverError })
        #expect(exposition.value("triage_probe_errors_total", ["check": failing.id, "class": "5xx"]) == Double(failures.count))
        #expect(exposition.value("triage_probe_errors_total", ["check": good.id]) == nil, "no error series for a healthy check")

        let active = try await store.tickets(TicketFilter(statuses: [.open, .taken]))
        for code in TriageCode.allCases {
            let expected = active.filter { $0.code == code }.count
            #expect(exposition.value("triage_open_tickets", ["code": code.rawValue]) == Double(expected), "\(code)")
        }
        #expect(exposition.value("triage_open_tickets", ["code": "RED"]) == 1)
        #expect(exposition.value("triage_open_tickets", ["code": "WHITE"]) == 1)
        #expect(exposition.value("process_cpu_seconds_total").map { $0 > 0 } == true)
        #expect(exposition.value("process_resident_memory_bytes").map { $0 > 1_000_000 } == true)
    }

    @Test func deadlinesPassedAndDeliveriesAreCounted() async throws {
        let clock = TestClock()
        let folder = try TemporaryFolder()
        let store = try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock)
        try await store.migrate()
        for code in [TriageCode.red, .red, .yellow] {
            _ = try await store.file(NewTicket(code: code, customer: "acme", summary: "s", openedBy: "ana"), plans: SupportPlans(), at: clock.now)
        }
        let metrics = TriageMetrics(store: store, clock: clock)
        var exposition = try Exposition(try await metrics.exposition())
        #expect(exposition.value("triage_tickets_past_deadline", ["code": "RED"]) == 0)
        clock.advance(by: .seconds(16 * 60))
        exposition = try Exposition(try await metrics.exposition())
        #expect(exposition.value("triage_tickets_past_deadline", ["code": "RED"]) == 2, "RED must be taken within 15 minutes")
        #expect(exposition.value("triage_tickets_past_deadline", ["code": "YELLOW"]) == 0)

        metrics.attempted(channel: "ops", delivered: true)
        metrics.attempted(channel: "ops", delivered: false)
        metrics.attempted(channel: "ops", delivered: false)
        exposition = try Exposition(try await metrics.exposition())
        #expect(exposition.value("triage_notification_deliveries_total", ["channel": "ops", "outcome": "delivered"]) == 1)
        #expect(exposition.value("triage_notification_deliveries_total", ["channel": "ops", "outcome": "failed"]) == 2)
    }

    @Test func aRemovedCheckLosesItsSeries() async throws {
        let clock = TestClock()
        let folder = try TemporaryFolder()
        let store = try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock)
        try await store.migrate()
        let metrics = TriageMetrics(store: store, clock: clock)
        let kept = check("www", url: "http://127.0.0.1/")
        let removed = check("old", url: "http://127.0.0.1/")
        for probed in [kept, removed] {
            metrics.probed(probed, result: ProbeResult(
                checkID: probed.id, startedAt: clock.now, outcome: .down, failure: .timeout, reason: "timed out", statusCode: nil,
                timings: PhaseTimings(total: 5)
            ))
        }
        metrics.retain(checks: [kept])
        let exposition = try Exposition(try await metrics.exposition())
        #expect(exposition.value("triage_check_up", ["check": kept.id]) == 0)
        #expect(exposition.value("triage_probe_errors_total", ["check": kept.id, "class": "timeout"]) == 1)
        #expect(exposition.value("triage_check_up", ["check": removed.id]) == nil)
        #expect(exposition.value("triage_probe_duration_seconds_count", ["check": removed.id]) == nil)
        #expect(exposition.value("triage_probe_errors_total", ["check": removed.id]) == nil)
    }
}
