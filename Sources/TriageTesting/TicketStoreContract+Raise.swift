import Foundation
import TicketStore
import TriageCore

/// Opening incidents: one per dedup key, with the policy's deadlines and an audit trail.
extension TicketStoreContract {
    /// A second `migrate` (every process start runs one) changes nothing and breaks nothing.
    public static func migrateTwiceIsHarmless(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let opened = try await store.raise(finding(at: clock.now), plans: standardPlans, reopenWithin: cooldown)
        try await store.migrate()
        try await store.migrate()
        let tickets = try await store.tickets(TicketFilter())
        try Expect.equal(tickets, [opened.ticket], "tickets after migrating again")
    }

    /// A new finding opens one ticket with every field taken from the finding and the policy
    /// (RED: deadline 15 minutes after opening) and an `opened` event carrying the evidence.
    public static func raiseOpensTicket(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let detected = clock.now
        let raised = finding(at: detected)
        clock.advance(by: .seconds(2))
        let change = try await store.raise(raised, plans: standardPlans, reopenWithin: cooldown)
        try Expect.equal(name(of: change), "opened", "raise of a new finding")
        let ticket = change.ticket
        try Expect.equal(ticket.status, .open, "status")
        try Expect.equal(ticket.source, .probe, "source")
        try Expect.equal(ticket.code, .red, "code")
        try Expect.equal(ticket.customer, "acme", "customer")
        try Expect.equal(ticket.targetID, "acme/www", "target id")
        try Expect.equal(ticket.checkID, "acme/www/http", "check id")
        try Expect.equal(ticket.caseID, .siteDown, "case id")
        try Expect.equal(ticket.summary, raised.summary, "summary")
        try Expect.equal(ticket.dedupKey, "acme/www/http#down", "dedup key")
        try Expect.equal(ticket.openedAt, detected, "opened at (the finding's detection time)")
        try Expect.equal(ticket.deadline, detected.addingTimeInterval(15 * 60), "RED deadline")
        try Expect.equal(ticket.notBefore, nil, "RED not-before")
        try Expect.that(ticket.takenAt == nil && ticket.resolvedAt == nil, "a new ticket is neither taken nor resolved")
        try Expect.equal(try await store.ticket(id: ticket.id), ticket, "ticket read back by id")
        let events = try await store.events(ticketID: ticket.id)
        let opened = TicketEvent(
            ticketID: ticket.id, at: clock.now, kind: .opened, actor: "triage",
            detail: "HTTP 502 Bad Gateway; connection refused"
        )
        try Expect.equal(events, [opened], "audit trail of a new ticket")
    }

    /// GREEN and WHITE tickets carry the policy's not-before time as well as their deadline.
    public static func raiseDeferredCodeSetsNotBefore(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let detected = clock.now
        let change = try await store.raise(
            finding(kind: .slow, code: .green, at: detected), plans: standardPlans, reopenWithin: cooldown
        )
        try Expect.equal(change.ticket.notBefore, detected.addingTimeInterval(48 * 3600), "GREEN not-before")
        try Expect.equal(change.ticket.deadline, detected.addingTimeInterval(4 * 86400), "GREEN deadline")
        try Expect.equal(change.ticket.caseID, .slowLoad, "case id of a slow-load finding")
    }

    /// A finding that names its own case (a mail check's outage) is filed under it, not its kind's.
    public static func raiseFilesTheFindingsCase(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        var mail = finding(at: clock.now)
        mail.caseID = .mailSendReceive
        let change = try await store.raise(mail, plans: standardPlans, reopenWithin: cooldown)
        try Expect.equal(change.ticket.caseID, .mailSendReceive, "case id of a mail outage")
        try Expect.equal(try await store.ticket(id: change.ticket.id)?.caseID, .mailSendReceive, "case id read back")
    }

    /// The same fault raised again updates the active ticket: one ticket, one more `evidence` event.
    public static func raiseTwiceOpensOnce(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let first = try await store.raise(finding(at: clock.now), plans: standardPlans, reopenWithin: cooldown)
        clock.advance(by: .seconds(60))
        let again = finding(at: clock.now, evidence: ["HTTP 503 Service Unavailable"])
        let second = try await store.raise(again, plans: standardPlans, reopenWithin: cooldown)
        try Expect.equal(name(of: second), "updated", "raise of a finding whose incident is open")
        try Expect.equal(second.ticket, first.ticket, "the updated ticket (unchanged by evidence)")
        try Expect.equal(try await store.tickets(TicketFilter()).count, 1, "number of tickets")
        let events = try await store.events(ticketID: first.ticket.id)
        try Expect.equal(events.map(\.kind), [.opened, .evidence], "audit trail kinds")
        try Expect.equal(events.last?.detail, "HTTP 503 Service Unavailable", "evidence event detail")
        try Expect.equal(events.last?.at, clock.now, "evidence event time")
    }

    /// Raises of one fault racing on one store still open exactly one ticket; the others are updates.
    public static func concurrentRaisesOpenOnce(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let raised = finding(at: clock.now)
        let racers = 20
        let changes = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<racers {
                group.addTask { name(of: try await store.raise(raised, plans: standardPlans, reopenWithin: cooldown)) }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        try Expect.equal(changes.filter { $0 == "opened" }.count, 1, "raises that opened a ticket")
        try Expect.equal(changes.filter { $0 == "updated" }.count, racers - 1, "raises that updated it")
        let tickets = try await store.tickets(TicketFilter())
        try Expect.equal(tickets.count, 1, "number of tickets")
        try Expect.equal(try await store.events(ticketID: tickets[0].id).count, racers, "events (one per raise)")
    }
}

extension TicketStoreContract {
    /// Another tool's alert opens an inbound ticket with its own code, case and site, and a
    /// repeat of the same key adds evidence to it; a planned report opens a planned ticket.
    public static func raiseKeepsTheReportsSourceAndPlan(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let report = IncidentReport(
            source: .inbound, code: .yellow, caseID: "performance-optimisation", customer: "acme", targetID: "acme/db",
            checkID: nil, summary: "alertmanager SlowQueries", detectedAt: clock.now, dedupKey: "alertmanager:f1",
            evidence: ["Alertmanager firing"]
        )
        let opened = try await store.raise(report, plans: standardPlans, reopenWithin: cooldown)
        try Expect.equal(name(of: opened), "opened", "the first alert")
        try Expect.equal(opened.ticket.source, .inbound, "source")
        try Expect.equal(opened.ticket.code, .yellow, "code")
        try Expect.equal(opened.ticket.caseID, "performance-optimisation", "case")
        try Expect.equal(opened.ticket.deadline, clock.now.addingTimeInterval(24 * 3600), "YELLOW deadline")
        let again = try await store.raise(report, plans: standardPlans, reopenWithin: cooldown)
        try Expect.equal(name(of: again), "updated", "the same alert again")
        var planned = finding("acme/www/http", at: clock.now)
        planned.planned = true
        let maintenance = try await store.raise(planned, plans: standardPlans, reopenWithin: cooldown)
        try Expect.that(maintenance.ticket.planned, "a planned finding opens a planned ticket")
        try Expect.equal(try await store.ticket(id: maintenance.ticket.id)?.planned, true, "planned, read back")
    }
}
