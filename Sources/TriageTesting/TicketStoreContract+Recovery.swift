import Foundation
import TicketStore
import TriageCore

/// Ending and reopening incidents: automatic recovery, and the cool-down that reopens instead of duplicating.
extension TicketStoreContract {
    /// An untaken incident that recovers is resolved automatically, and its deadline outcome is moot.
    public static func recoverResolvesUntakenTicket(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let key = finding(at: clock.now).dedupKey
        let raised = try await store.raise(finding(at: clock.now), plans: standardPlans, reopenWithin: cooldown).ticket
        clock.advance(by: .seconds(60))
        let recoveredAt = clock.now
        let recovered = try await store.recover(dedupKey: key, at: recoveredAt, detail: "HTTP 200 twice")
        let ticket = try Expect.present(recovered, "ticket returned by recover")
        try Expect.equal(ticket.id, raised.id, "recovered ticket id")
        try Expect.equal(ticket.status, .resolved, "status after recovery")
        try Expect.equal(ticket.resolvedAt, recoveredAt, "resolved at")
        try Expect.equal(ticket.resolution, "recovered automatically", "resolution")
        try Expect.equal(ticket.takenAt, nil, "taken at")
        try Expect.equal(ticket.outcome(at: recoveredAt.addingTimeInterval(3600)), .moot, "deadline outcome")
        try Expect.equal(try await store.ticket(id: ticket.id), ticket, "recovered ticket read back")
        let events = try await store.events(ticketID: ticket.id)
        try Expect.equal(events.map(\.kind), [.opened, .recovered], "audit trail kinds")
        try Expect.equal(events.last?.detail, "HTTP 200 twice", "recovered event detail")
        try Expect.equal(try await store.activeDedupKeys(), [], "active dedup keys after recovery")
        let again = try await store.recover(dedupKey: key, at: clock.now, detail: "HTTP 200")
        try Expect.equal(again, nil, "recover of an incident already resolved")
    }

    /// A fault that returns less than the cool-down after its recovery reopens the same ticket,
    /// with deadlines counted again from the fault's return.
    public static func raiseWithinCooldownReopens(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let key = finding(at: clock.now).dedupKey
        let openedAt = clock.now
        let first = try await store.raise(finding(at: openedAt), plans: standardPlans, reopenWithin: cooldown).ticket
        clock.advance(by: .seconds(60))
        _ = try await store.recover(dedupKey: key, at: clock.now, detail: "HTTP 200 twice")
        clock.advance(by: .seconds(10 * 60))
        let returnedAt = clock.now
        let change = try await store.raise(finding(at: returnedAt), plans: standardPlans, reopenWithin: cooldown)
        try Expect.equal(name(of: change), "reopened", "raise 10 minutes after recovery, cool-down 30")
        let ticket = change.ticket
        try Expect.equal(ticket.id, first.id, "reopened ticket id")
        try Expect.equal(ticket.status, .open, "status after reopening")
        try Expect.that(ticket.resolvedAt == nil && ticket.resolution == nil, "a reopened ticket is no longer resolved")
        try Expect.equal(ticket.openedAt, openedAt, "opened at (the first opening)")
        try Expect.equal(ticket.deadline, returnedAt.addingTimeInterval(15 * 60), "deadline counted from the return")
        try Expect.equal(try await store.ticket(id: ticket.id), ticket, "reopened ticket read back")
        let events = try await store.events(ticketID: ticket.id)
        try Expect.equal(events.map(\.kind), [.opened, .recovered, .reopened], "audit trail kinds")
        try Expect.equal(try await store.activeDedupKeys(), [key], "active dedup keys")
        try Expect.equal(try await store.tickets(TicketFilter()).count, 1, "number of tickets")
    }

    /// A fault that returns once the cool-down has fully passed (the boundary included) opens a new ticket.
    public static func raiseAfterCooldownOpensNewTicket(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let key = finding(at: clock.now).dedupKey
        let first = try await store.raise(finding(at: clock.now), plans: standardPlans, reopenWithin: cooldown).ticket
        clock.advance(by: .seconds(60))
        _ = try await store.recover(dedupKey: key, at: clock.now, detail: "HTTP 200 twice")
        clock.advance(by: cooldown)
        let change = try await store.raise(finding(at: clock.now), plans: standardPlans, reopenWithin: cooldown)
        try Expect.equal(name(of: change), "opened", "raise exactly one cool-down after recovery")
        try Expect.that(change.ticket.id != first.id, "the new incident has its own ticket")
        try Expect.equal(try await store.ticket(id: first.id)?.status, .resolved, "the old ticket's status")
        try Expect.equal(try await store.tickets(TicketFilter()).count, 2, "number of tickets")
        try Expect.equal(try await store.activeDedupKeys(), [key], "active dedup keys")
    }

    /// Recovery of a key with no active incident changes nothing and returns nil.
    public static func recoverUnknownKeyReturnsNil(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        try Expect.equal(
            try await store.recover(dedupKey: "acme/www/http#down", at: clock.now, detail: "HTTP 200"), nil,
            "recover on an empty store"
        )
        _ = try await store.raise(finding(at: clock.now), plans: standardPlans, reopenWithin: cooldown)
        try Expect.equal(
            try await store.recover(dedupKey: "acme/www/http#slow", at: clock.now, detail: "fast again"), nil,
            "recover of another kind of fault on the same check"
        )
        try Expect.equal(try await store.tickets(TicketFilter(statuses: [.open])).count, 1, "open tickets left alone")
    }
}
