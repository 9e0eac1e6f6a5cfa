import Alerting
import CurlEngine
import Foundation
import Logging
import Notifiers
import SQLiteStore
import Testing
import TicketStore
import TriageCore
import TriageTesting

/// The alerting loop over a real SQLite store and the real webhook receiver, on the system clock:
/// incidents reach their channels, a channel that is down gets its messages once it is back, a
/// dead channel does not hold up a live one, and deliveries left by a stopped daemon go out.
@Suite("Alerting service")
struct AlertingServiceTests {
    let engine: CurlEngine
    let folder: TemporaryFolder
    let store: SQLiteTicketStore

    init() async throws {
        engine = try testEngine()
        folder = try TemporaryFolder()
        store = try SQLiteTicketStore(path: folder.newDatabasePath())
        try await store.migrate()
    }

    func receiver(_ name: String) throws -> WebhookReceiver {
        try WebhookReceiver(hook: "\(name)-\(UUID().uuidString.prefix(8))", engine: engine)
    }

    /// Settings with one webhook channel per receiver, every RED event routed to all of them, and
    /// retries fast enough for a test.
    func settings(_ hooks: [(String, WebhookReceiver)]) -> NotifySettings {
        let channels = hooks.map { Channel(name: $0.0, spec: .webhook(url: .test($0.1.url), signingKey: nil)) }
        return NotifySettings(
            channels: channels, routing: NotificationRouting(routes: [NotificationRoute(channels: hooks.map(\.0), codes: [.red])]),
            firstRetryDelay: .milliseconds(100), maxRetryDelay: .milliseconds(300)
        )
    }

    /// Runs the service over `settings` while `body` runs, then stops it.
    func whileAlerting(_ settings: NotifySettings, _ body: () async throws -> Void) async throws {
        let service = AlertingService(
            outbox: store, notifiers: NotifierRegistry(settings: settings, engine: engine, clock: SystemClock(), timeout: .seconds(2)),
            settings: settings, clock: SystemClock(), logger: Logger(label: "test"), pollInterval: .milliseconds(50),
            lease: .seconds(3)
        )
        let running = Task { try await service.run() }
        defer { running.cancel() }
        try await body()
    }

    func raise(_ check: String = "acme/www/http") async throws -> Ticket {
        try await store.raise(
            TicketStoreContract.finding(check, at: Date()), plans: SupportPlans(), reopenWithin: .seconds(1800)
        ).ticket
    }

    @Test func anIncidentAndItsTakingReachTheChannel() async throws {
        let hook = try receiver("lifecycle")
        try await whileAlerting(settings([("ops", hook)])) {
            let ticket = try await raise()
            let opened = try await hook.waitForRequests(count: 1)
            #expect(opened[0].headers["idempotency-key"]?.hasPrefix("triage-") == true)
            _ = try await store.apply(
                .take(overrideReason: nil), to: ticket.id, by: "ana", at: Date(), plans: SupportPlans(), catalogue: Catalogue([])
            )
            let both = try await hook.waitForRequests(count: 2)
            let kinds = try both.map { try (($0.json() as? [String: Any])?["event"] as? [String: Any])?["kind"] as? String }
            #expect(kinds == ["opened", "taken"])
            _ = try await raise()
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await hook.requests().count == 2, "more evidence of the open incident does not re-alert")
        }
    }

    @Test func aChannelThatIsDownGetsTheMessageOnceItIsBack() async throws {
        let hook = try receiver("flaky")
        try await hook.setDown(true)
        try await whileAlerting(settings([("ops", hook)])) {
            let ticket = try await raise()
            // Retries come 100 to 300 ms apart; the wait is long only for a loaded machine.
            let failures = try await hook.waitForRequests(count: 3, timeout: .seconds(30))
            #expect(failures.allSatisfy { $0.answered == 503 })
            let pending = try #require(try await store.deliveries(ticketID: ticket.id).first)
            #expect(pending.deliveredAt == nil)
            #expect(pending.lastError == "HTTP 503: {\"status\": \"down\"}")
            try await hook.setDown(false)
            let deadline = ContinuousClock.now + .seconds(5)
            while try await store.deliveries(ticketID: ticket.id).first?.deliveredAt == nil, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            let delivered = try #require(try await store.deliveries(ticketID: ticket.id).first)
            #expect(delivered.deliveredAt != nil)
            try await Task.sleep(for: .milliseconds(400))
            let received = try await hook.requests()
            #expect(received.filter { $0.answered == 200 }.count == 1, "delivered once, not again")
            #expect(delivered.attempts == received.count)
            #expect(Set(received.compactMap { $0.headers["idempotency-key"] }).count == 1, "every attempt carries the same key")
        }
    }

    @Test func aDeadChannelDoesNotHoldUpALiveOne() async throws {
        let dead = try receiver("dead")
        let live = try receiver("live")
        try await dead.setDown(true)
        try await whileAlerting(settings([("dead", dead), ("live", live)])) {
            for site in ["a", "b", "c"] { _ = try await raise("acme/\(site)/http") }
            let arrived = try await live.waitForRequests(count: 3, timeout: .seconds(8))
            #expect(arrived.allSatisfy { $0.answered == 200 })
            #expect(try await dead.requests().allSatisfy { $0.answered == 503 })
        }
    }

    @Test func deliveriesLeftByAStoppedDaemonGoOutAfterRestart() async throws {
        let hook = try receiver("restart")
        let settings = settings([("ops", hook)])
        let ticket = try await raise()
        try await NotificationRouter(outbox: store, routing: settings.routing, clock: SystemClock()).routeAll()
        // A daemon claimed it and died before sending: its lease has to run out first.
        let claimed = try await store.claimDeliveries(at: Date(), lease: .milliseconds(500), limit: 10)
        #expect(claimed.count == 1)
        try await whileAlerting(settings) {
            let received = try await hook.waitForRequests(count: 1, timeout: .seconds(5))
            #expect(received.count == 1)
            #expect(try await store.deliveries(ticketID: ticket.id).first?.deliveredAt != nil)
        }
    }
}
