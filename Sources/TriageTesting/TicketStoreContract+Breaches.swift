import Foundation
import TicketStore
import TriageCore

/// Recording take-in-charge breaches as they happen: each missed deadline once, and only
/// deadlines missed by tickets nobody took.
extension TicketStoreContract {
    /// Only open tickets whose deadline is strictly before now are marked, with a `breached`
    /// event by the daemon; taken, ended and future ones are left alone, and a second call
    /// finds nothing new.
    public static func recordBreachesMarksOverdueUntaken(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let start = clock.now
        let late = try await store.file(newTicket(.red), plans: standardPlans, at: start)
        let taken = try await take(
            try await store.file(newTicket(.red), plans: standardPlans, at: start).id, by: "ana", at: start, in: store
        )
        let future = try await store.file(newTicket(.yellow), plans: standardPlans, at: start)
        let incident = try await store.raise(finding(at: start), plans: standardPlans, reopenWithin: cooldown).ticket
        clock.advance(by: .seconds(60))
        let recovered = try Expect.present(
            try await store.recover(dedupKey: incident.dedupKey ?? "", at: clock.now, detail: "HTTP 200 twice"),
            "recovered incident"
        )
        let edge = try await store.file(newTicket(.red), plans: standardPlans, at: clock.now)
        clock.advance(by: .seconds(15 * 60))
        let untouched = [taken, future, recovered, edge]
        let trails = try await eventCounts(of: untouched + [late], in: store)

        let breaches = try await store.recordBreaches(at: clock.now)
        var expected = late
        expected.breachRecordedAt = clock.now
        try Expect.equal(breaches, [expected], "tickets breached 16 minutes in (the edge ticket's deadline is now)")
        try Expect.equal(try await store.ticket(id: late.id), expected, "breached ticket read back")
        let events = try await store.events(ticketID: late.id)
        let breached = TicketEvent(
            ticketID: late.id, at: clock.now, kind: .breached, actor: "triage",
            detail: "take-in-charge deadline \(late.deadline.formatted(.iso8601)) passed untaken"
        )
        try Expect.equal(events.last, breached, "breached event")
        try Expect.equal(events.count, (trails[late.id] ?? 0) + 1, "events of the breached ticket")
        for ticket in untouched {
            try Expect.equal(try await store.ticket(id: ticket.id), ticket, "ticket \(ticket.id) left alone")
            let count = try await store.events(ticketID: ticket.id).count
            try Expect.equal(count, trails[ticket.id], "events of ticket \(ticket.id)")
        }
        try Expect.equal(try await store.recordBreaches(at: clock.now), [], "breaches recorded a second time")

        clock.advance(by: .seconds(1))
        let edgeBreaches = try await store.recordBreaches(at: clock.now)
        try Expect.equal(edgeBreaches.map(\.id), [edge.id], "breaches once the edge ticket's deadline has passed")
    }

    /// A deadline set again (an incident reopened by its returning fault, a ticket recoded) is a
    /// new promise: missing it is recorded again, while the earlier breach stays in the trail.
    public static func newDeadlineCanBreachAgain(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let raised = try await store.raise(finding(at: clock.now), plans: standardPlans, reopenWithin: cooldown)
        let incident = raised.ticket
        let filed = try await store.file(newTicket(.red), plans: standardPlans, at: clock.now)
        clock.advance(by: .seconds(16 * 60))
        let first = try await store.recordBreaches(at: clock.now)
        try Expect.equal(Set(first.map(\.id)), [incident.id, filed.id], "first breaches")

        _ = try await store.recover(dedupKey: incident.dedupKey ?? "", at: clock.now, detail: "HTTP 200 twice")
        clock.advance(by: .seconds(60))
        let reopened = try await store.raise(finding(at: clock.now), plans: standardPlans, reopenWithin: cooldown)
        try Expect.equal(name(of: reopened), "reopened", "raise of the returning fault")
        try Expect.equal(reopened.ticket.breachRecordedAt, nil, "breach mark of the reopened incident")
        let recoded = try await apply(
            .recode(.yellow, reason: "only the blog is down"), to: filed.id, by: "ana", at: clock.now, in: store
        )
        try Expect.equal(recoded.breachRecordedAt, nil, "breach mark of the recoded ticket")
        try Expect.equal(try await store.ticket(id: filed.id), recoded, "recoded ticket read back")
        try Expect.equal(try await store.recordBreaches(at: clock.now), [], "breaches right after the new deadlines")

        clock.advance(by: .seconds(16 * 60))
        let second = try await store.recordBreaches(at: clock.now)
        try Expect.equal(second.map(\.id), [incident.id], "the reopened incident's breach")
        clock.advance(by: .seconds(24 * 3600))
        let third = try await store.recordBreaches(at: clock.now)
        try Expect.equal(third.map(\.id), [filed.id], "the recoded ticket's breach")
        let kinds = try await store.events(ticketID: incident.id).map(\.kind)
        try Expect.equal(kinds, [.opened, .breached, .recovered, .reopened, .breached], "the reopened incident's trail")
        let recodedKinds = try await store.events(ticketID: filed.id).map(\.kind)
        try Expect.equal(recodedKinds, [.opened, .breached, .recoded, .breached], "the recoded ticket's trail")
    }

    /// How many events each ticket has, by id, to show an operation added none.
    private static func eventCounts(of tickets: [Ticket], in store: any TicketStore) async throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for ticket in tickets { counts[ticket.id] = try await store.events(ticketID: ticket.id).count }
        return counts
    }
}
