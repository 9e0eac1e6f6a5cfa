import Foundation
import TicketStore
import TriageCore

/// The promises every `NotificationOutbox` backend keeps: each notifying event routed once,
/// each delivery claimed by one sender at a time and retried until it succeeds, escalations
/// recorded once per step. Run like ``TicketStoreContract``:
///
/// ```swift
/// @Test(arguments: NotificationOutboxContract.all)
/// func outbox(name: String, run: @Sendable (NotificationOutboxContract.StoreFactory) async throws -> Void) async throws {
///     try await run { clock in try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock) }
/// }
/// ```
public enum NotificationOutboxContract {
    public typealias Store = any TicketStore & NotificationOutbox
    /// Makes a new, empty, unmigrated store whose audit trail is timestamped by `clock`.
    public typealias StoreFactory = @Sendable (_ clock: any TriageClock) async throws -> Store
    public typealias Check = (name: String, run: @Sendable (StoreFactory) async throws -> Void)

    public static let all: [Check] = [
        ("routing reads each notifying event once, skipping evidence", routingReadsNotifyingEventsOnce),
        ("queueing a delivery twice keeps one", queueingTwiceKeepsOne),
        ("a claimed delivery is leased, retried when it fails, and done when delivered", claimLeaseRetryDeliver),
        ("escalation steps and reminders are recorded once each, the latest only", escalationsRecordedOnce),
        ("taking a ticket stops its escalation", takingStopsEscalation),
    ]

    static let plans = SupportPlans()
    static let catalogue = TicketStoreContract.catalogue
    static let policy = EscalationPolicy(
        steps: [.init(at: 2.0 / 3.0, channels: ["second-level"])], reminder: .init(every: 1.0 / 3.0, channels: ["on-call"])
    )

    static func migrated(_ makeStore: StoreFactory, clock: TestClock) async throws -> Store {
        let store = try await makeStore(clock)
        try await store.migrate()
        return store
    }

    static func incident(in store: Store, at now: Date, check: String = "acme/www/http") async throws -> Ticket {
        try await store.raise(TicketStoreContract.finding(check, at: now), plans: plans, reopenWithin: .seconds(1800)).ticket
    }

    /// Opened, evidence (not notifying), taken: the router reads the two notifying events with
    /// the ticket as it stands, then nothing once its cursor moved past them.
    public static func routingReadsNotifyingEventsOnce(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migrated(makeStore, clock: clock)
        let opened = try await incident(in: store, at: clock.now)
        _ = try await incident(in: store, at: clock.now.addingTimeInterval(60))
        let taken = try await TicketStoreContract.take(opened.id, by: "ana", at: clock.now.addingTimeInterval(120), in: store)
        let batch = try await store.unroutedNotifications(limit: 100)
        try Expect.equal(batch.notifications.map(\.event.kind), [.opened, .taken], "notifying events read")
        try Expect.that(batch.notifications.allSatisfy { $0.ticket == taken }, "each event comes with the ticket as it stands")
        let through = try Expect.present(batch.throughEventID, "the last event read")
        try Expect.that(through > batch.notifications[0].eventID, "the cursor covers the evidence event too")
        try await store.enqueue([], through: through, at: clock.now)
        let again = try await store.unroutedNotifications(limit: 100)
        try Expect.equal(again.notifications.count, 0, "notifications read after the cursor moved")
        try Expect.equal(again.throughEventID, nil, "last event read after the cursor moved")
    }

    public static func queueingTwiceKeepsOne(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migrated(makeStore, clock: clock)
        let ticket = try await incident(in: store, at: clock.now)
        let batch = try await store.unroutedNotifications(limit: 100)
        let eventID = try Expect.present(batch.notifications.first?.eventID, "the opened event")
        let queued = [QueuedDelivery(eventID: eventID, channel: "webhook"), QueuedDelivery(eventID: eventID, channel: "slack")]
        try await store.enqueue(queued, through: eventID, at: clock.now)
        try await store.enqueue(queued, through: eventID, at: clock.now)
        let deliveries = try await store.deliveries(ticketID: ticket.id)
        try Expect.equal(deliveries.map(\.channel), ["webhook", "slack"], "deliveries after queueing twice")
        try Expect.equal(deliveries.map(\.eventKind), [.opened, .opened], "the kind of event each delivery tells of")
    }

    /// Claimed at t: not claimable again during its lease; failed with a retry at t+10 s: due then,
    /// with one attempt counted; delivered: never claimed again, with its error history kept.
    public static func claimLeaseRetryDeliver(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migrated(makeStore, clock: clock)
        let ticket = try await incident(in: store, at: clock.now)
        let batch = try await store.unroutedNotifications(limit: 100)
        let eventID = try Expect.present(batch.throughEventID, "the opened event")
        try await store.enqueue([QueuedDelivery(eventID: eventID, channel: "webhook")], through: eventID, at: clock.now)
        let start = clock.now
        let first = try await store.claimDeliveries(at: start, lease: .seconds(60), limit: 10)
        try Expect.equal(first.map(\.channel), ["webhook"], "claimed at first")
        try Expect.equal(first.first?.notification.ticket, ticket, "the claimed delivery's ticket")
        try Expect.equal(first.first?.attempts, 0, "attempts before the first")
        try Expect.equal(try await store.claimDeliveries(at: start, lease: .seconds(60), limit: 10).count, 0, "claimed during the lease")
        let id = first[0].id
        try await store.recordFailedDelivery(id, error: "HTTP 503", retryAt: start.addingTimeInterval(10))
        try Expect.equal(
            try await store.claimDeliveries(at: start.addingTimeInterval(5), lease: .seconds(60), limit: 10).count, 0,
            "claimed before its retry time"
        )
        let retried = try await store.claimDeliveries(at: start.addingTimeInterval(10), lease: .seconds(60), limit: 10)
        try Expect.equal(retried.map(\.attempts), [1], "attempts of the retried delivery")
        try await store.recordDelivered(id, at: start.addingTimeInterval(11))
        try Expect.equal(
            try await store.claimDeliveries(at: start.addingTimeInterval(3600), lease: .seconds(60), limit: 10).count, 0,
            "claimed after delivery"
        )
        let record = try Expect.present(try await store.deliveries(ticketID: ticket.id).first, "the delivery")
        try Expect.equal(record.attempts, 2, "attempts recorded")
        try Expect.equal(record.deliveredAt, start.addingTimeInterval(11), "delivery time")
        try Expect.equal(record.lastError, "HTTP 503", "the last error kept")
    }

    /// A RED incident (15 minutes): nothing at 1 min; reminder 1 at 5 min; step 1 and reminder 2
    /// at 10 min; after an hour of silence one reminder, numbered 12, not seven more events.
    public static func escalationsRecordedOnce(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migrated(makeStore, clock: clock)
        let ticket = try await incident(in: store, at: clock.now)
        let opened = clock.now
        func sweep(after minutes: Double) async throws -> [TicketEvent] {
            try await store.recordEscalations(at: opened.addingTimeInterval(minutes * 60), policy: policy)
        }
        try Expect.equal(try await sweep(after: 1).count, 0, "events at 1 min")
        try Expect.equal(try await sweep(after: 5).map(\.level), [1], "levels at 5 min")
        try Expect.equal(try await sweep(after: 5).count, 0, "events of a second sweep at 5 min")
        let atTen = try await sweep(after: 10)
        try Expect.equal(atTen.map(\.kind), [.escalated, .reminded], "kinds at 10 min")
        try Expect.equal(atTen.map(\.level), [1, 2], "levels at 10 min")
        try Expect.that(atTen[0].detail.hasPrefix("escalation step 1 of 1: not taken in charge 10 min"), atTen[0].detail)
        let late = try await sweep(after: 60)
        try Expect.equal(late.map(\.kind), [.reminded], "kinds after an hour")
        try Expect.equal(late.map(\.level), [12], "levels after an hour")
        let trail = try await store.events(ticketID: ticket.id)
        try Expect.equal(trail.filter { $0.kind == .reminded }.count, 3, "reminders in the audit trail")
    }

    public static func takingStopsEscalation(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migrated(makeStore, clock: clock)
        let taken = try await incident(in: store, at: clock.now)
        _ = try await TicketStoreContract.take(taken.id, by: "ana", at: clock.now.addingTimeInterval(60), in: store)
        let green = try await store.file(TicketStoreContract.newTicket(.green), plans: plans, at: clock.now)
        let events = try await store.recordEscalations(at: clock.now.addingTimeInterval(3 * 86_400), policy: policy)
        try Expect.equal(events.count, 0, "escalations of a taken RED and a GREEN (not escalated by the policy)")
        try Expect.equal(try await store.events(ticketID: green.id).map(\.kind), [.opened], "the GREEN ticket's trail")
    }
}
