import Foundation
import TicketStore
import TriageCore
import TriageTesting

/// A store with one of everything an archive must carry, built through the store's own operations
/// as the daemon and the desk write them: a filed ticket taken and resolved with a fee, a raised
/// incident escalated once, a breached ticket, deliveries sent, failed and due, and results of
/// every shape (failures, no status code, a certificate expiry, results of one check at one
/// instant), accounts enabled and disabled with their tokens used and unused, with text no encoder
/// may bend: unicode, quotes, backslashes, tabs and newlines.
enum ArchiveFixture {
    static let oddText = "Zoë's \"café\" ✓ 🚀\nsecond line\twith a tab, a \\ backslash and </script>"

    static let catalogue = Catalogue([
        CatalogueCase(id: .siteDown, title: "Website down", code: .red, fee: .free, customerFaultSurcharge: Money.major(20)...Money.major(50)),
        CatalogueCase(id: "restore-database-backup", title: "Restore a backup", code: .red, fee: .fixed(.major(40))),
    ])

    /// Fills `store` (migrated, empty), moving `clock` forward as it goes.
    static func fill(_ store: any SharedStore, clock: TestClock) async throws {
        let plans = SupportPlans()
        let filed = try await store.file(
            NewTicket(
                code: .red, customer: "acme", targetID: "acme/www", caseID: "restore-database-backup",
                summary: oddText, openedBy: "Zoë O'Brien"
            ),
            plans: plans, at: clock.now
        )
        clock.advance(by: .seconds(60))
        _ = try await store.apply(.take(overrideReason: nil), to: filed.id, by: "ana", at: clock.now, plans: plans, catalogue: catalogue)
        _ = try await store.apply(
            .resolve(cause: .customer, note: oddText, fee: .major(40), surcharge: nil), to: filed.id, by: "ana",
            at: clock.now.addingTimeInterval(1), plans: plans, catalogue: catalogue
        )
        let incident = try await store.raise(
            TicketStoreContract.finding("acme/shop/http", at: clock.now, evidence: [oddText, "HTTP 502"]), plans: plans,
            reopenWithin: .seconds(1800)
        )
        _ = try await store.file(
            NewTicket(code: .yellow, source: .inbound, customer: "globex", summary: "disk 91 % full", openedBy: "alertmanager"),
            plans: plans, at: clock.now
        )
        clock.advance(by: .seconds(10 * 60))
        _ = try await store.recordEscalations(at: clock.now, policy: EscalationPolicy(steps: [.init(at: 0.5, channels: ["boss"])]))
        clock.advance(by: .seconds(6 * 60))
        _ = try await store.recordBreaches(at: clock.now)
        try await routeAndSend(store, clock: clock)
        try await store.record(results(around: incident.ticket.openedAt))
        try await addAccounts(store, clock: clock)
    }

    /// Accounts as `triage users` writes them: ana with a used and an unused token, and bo with a
    /// token, disabled since.
    private static func addAccounts(_ store: any SharedStore, clock: TestClock) async throws {
        try await store.addAccount(NewAccount(name: "ana", role: .ops, passwordHash: "$2b$04$ana-hash", at: clock.now))
        try await store.addAccount(NewAccount(name: "bo", role: .viewer, passwordHash: "$2b$04$bo-hash", at: clock.now))
        try await store.addToken(NewAPIToken(account: "ana", digest: "digest-laptop", label: oddText, at: clock.now))
        try await store.addToken(NewAPIToken(account: "bo", digest: "digest-grafana", label: "grafana", at: clock.now))
        clock.advance(by: .seconds(61))
        try await store.addToken(NewAPIToken(account: "ana", digest: "digest-cli", label: "cli", at: clock.now))
        _ = try await store.account(tokenDigest: "digest-laptop", usedAt: clock.now)
        _ = try await store.disableAccount(named: "bo", at: clock.now.addingTimeInterval(0.25))
    }

    /// Routes every notifying event to two channels, then delivers one, fails one and leaves the rest due.
    private static func routeAndSend(_ store: any SharedStore, clock: TestClock) async throws {
        let batch = try await store.unroutedNotifications(limit: 100)
        let queued = batch.notifications.flatMap { [QueuedDelivery(eventID: $0.eventID, channel: "ops"), QueuedDelivery(eventID: $0.eventID, channel: "slack #ops")] }
        try await store.enqueue(queued, through: batch.throughEventID ?? 0, at: clock.now)
        let claimed = try await store.claimDeliveries(at: clock.now, lease: .seconds(60), limit: 2)
        try await store.recordDelivered(claimed[0].id, at: clock.now)
        try await store.recordFailedDelivery(claimed[1].id, error: "HTTP 500: \"boom\"\n\(oddText)", retryAt: clock.now.addingTimeInterval(30))
    }

    /// Results of two checks: up, slow, down without a status code, a TLS one with its expiry, and
    /// three results of one check at one instant (several nodes, or a re-probe in the same millisecond).
    static func results(around start: Date) -> [ProbeResult] {
        var results: [ProbeResult] = []
        for minute in 0..<7 {
            let at = start.addingTimeInterval(Double(minute * 60))
            results.append(ProbeResult(
                checkID: "acme/shop/http", startedAt: at, outcome: minute % 3 == 0 ? .down : .up,
                failure: minute % 3 == 0 ? .connectionRefused : nil, reason: minute % 3 == 0 ? oddText : "HTTP 200 in 0.123 s",
                statusCode: minute % 3 == 0 ? nil : 200,
                timings: PhaseTimings(dns: 0.000_123_456_789, connect: 1.0 / 3.0, tls: 0, firstByte: 0.1 + 0.2, total: 12.345_678_901_234),
                bytesRead: 1_234_567
            ))
        }
        let expiry = start.addingTimeInterval(10 * 86_400 + 0.123)
        for node in 0..<3 {
            results.append(ProbeResult(
                checkID: "acme/www/tls", startedAt: start, outcome: .degraded, reason: "certificate expires in 10 days (node \(node))",
                timings: PhaseTimings(total: Double(node) / 7), certificateExpiresAt: expiry
            ))
        }
        return results
    }
}

/// Everything a store holds that an archive carries, read through `StoreArchive` in one go, so two
/// stores compare field by field. Results of one check at one instant have no order, so results
/// compare as a multiset.
struct StoreSnapshot: Equatable {
    var migrations: [String]
    var tickets: [ArchivedTicket]
    var events: [ArchivedEvent]
    var deliveries: [ArchivedDelivery]
    var routedThrough: Int64
    var accounts: [Account]
    var tokens: [APITokenRecord]
    var results: [ProbeResult: Int]

    init(_ store: any StoreArchive) async throws {
        migrations = try await store.appliedMigrations()
        tickets = try await store.archivedTickets(after: 0, limit: 10_000)
        events = try await store.archivedEvents(after: 0, limit: 10_000)
        deliveries = try await store.archivedDeliveries(after: 0, limit: 10_000)
        routedThrough = try await store.routedThrough()
        accounts = try await store.accounts()
        var tokens: [APITokenRecord] = []
        for account in accounts { tokens += try await store.tokens(of: account.name) }
        self.tokens = tokens
        results = try await store.archivedResults(after: nil, limit: 10_000).reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
