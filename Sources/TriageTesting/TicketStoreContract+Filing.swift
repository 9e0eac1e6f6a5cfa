import Foundation
import TicketStore
import TriageCore

/// Filing tickets: the customer's plan sets the deadlines, and whoever filed opens the audit trail.
extension TicketStoreContract {
    /// A RED ticket filed from a catalogue case is open with every field as filed, its deadline
    /// 15 minutes after the filing instant (not the store's clock), and an `opened` event by the
    /// person that names the code. A ticket from another tool keeps its source and sender.
    public static func fileOpensTicket(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let filedAt = clock.now
        clock.advance(by: .seconds(2))
        let filed = newTicket(.red, case: "restore-database-backup")
        let ticket = try await store.file(filed, plans: standardPlans, at: filedAt)
        let expected = Ticket(
            id: ticket.id, code: .red, status: .open, source: .manual, customer: "acme", targetID: "acme/www",
            caseID: "restore-database-backup", summary: filed.summary, openedAt: filedAt,
            deadline: filedAt.addingTimeInterval(15 * 60)
        )
        try Expect.equal(ticket, expected, "filed RED ticket")
        try Expect.equal(try await store.ticket(id: ticket.id), expected, "filed ticket read back")
        let events = try await store.events(ticketID: ticket.id)
        try Expect.equal(events.map(\.kind), [.opened], "audit trail of a filed ticket")
        try Expect.equal(events.first?.actor, "ana", "actor of the opened event")
        try Expect.equal(events.first?.at, filedAt, "time of the opened event")
        try Expect.that(events.first?.detail.contains("RED") == true, "the opened event names the code: \(events)")

        var inbound = newTicket(.yellow, by: "alertmanager")
        inbound.source = .inbound
        let received = try await store.file(inbound, plans: standardPlans, at: clock.now)
        try Expect.equal(received.source, .inbound, "source of a ticket from another tool")
        try Expect.equal(try await store.ticket(id: received.id), received, "inbound ticket read back")
        try Expect.equal(try await store.events(ticketID: received.id).map(\.actor), ["alertmanager"], "inbound opener")
    }

    /// GREEN and WHITE tickets are filed with their window: not before 48 hours, and a deadline of
    /// four days and one week.
    public static func fileDeferredCodeSetsWindow(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let filedAt = clock.now
        let green = try await store.file(
            newTicket(.green, case: "https-lets-encrypt"), plans: standardPlans, at: filedAt
        )
        try Expect.equal(green.notBefore, filedAt.addingTimeInterval(48 * 3600), "GREEN not-before")
        try Expect.equal(green.deadline, filedAt.addingTimeInterval(4 * 86400), "GREEN deadline")
        let white = try await store.file(newTicket(.white, case: "seo-audit"), plans: standardPlans, at: filedAt)
        try Expect.equal(white.notBefore, filedAt.addingTimeInterval(48 * 3600), "WHITE not-before")
        try Expect.equal(white.deadline, filedAt.addingTimeInterval(7 * 86400), "WHITE deadline")
        try Expect.equal(try await store.ticket(id: green.id), green, "GREEN ticket read back")
        try Expect.equal(try await store.ticket(id: white.id), white, "WHITE ticket read back")
    }

    /// A customer on a custom plan gets its plan's deadlines on tickets filed for it and on
    /// incidents raised for it; every other customer keeps the standard policy.
    public static func customPlanSetsDeadlines(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let plans = SupportPlans(byCustomer: [
            "globex": Policy(codes: [
                .red: CodePolicy(deadline: .seconds(5 * 60)), .green: CodePolicy(deadline: .seconds(86400)),
            ])
        ])
        let now = clock.now
        let globexRed = try await store.file(newTicket(.red, customer: "globex"), plans: plans, at: now)
        try Expect.equal(globexRed.deadline, now.addingTimeInterval(5 * 60), "RED deadline on globex's plan")
        let globexGreen = try await store.file(newTicket(.green, customer: "globex"), plans: plans, at: now)
        try Expect.equal(globexGreen.deadline, now.addingTimeInterval(86400), "GREEN deadline on globex's plan")
        try Expect.equal(globexGreen.notBefore, nil, "GREEN not-before on a plan whose GREEN rule has none")
        let acmeRed = try await store.file(newTicket(.red), plans: plans, at: now)
        try Expect.equal(acmeRed.deadline, now.addingTimeInterval(15 * 60), "RED deadline of a customer without a plan")
        let raised = try await store.raise(finding("globex/shop/http", at: now), plans: plans, reopenWithin: cooldown)
        try Expect.equal(raised.ticket.deadline, now.addingTimeInterval(5 * 60), "deadline of globex's incident")
        try Expect.equal(try await store.ticket(id: raised.ticket.id), raised.ticket, "globex's incident read back")
    }
}
