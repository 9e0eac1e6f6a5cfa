import Foundation
import TicketStore
import TriageCore

/// Reading tickets back: what detection resumes from, and what the desk and reports list.
extension TicketStoreContract {
    /// Only open and taken incidents count as active; each appears once, by its dedup key.
    public static func activeDedupKeysListOpenIncidents(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        try Expect.equal(try await store.activeDedupKeys(), [], "active dedup keys of an empty store")
        let down = finding("acme/www/http", at: clock.now)
        let slow = finding("acme/www/http", kind: .slow, code: .yellow, at: clock.now)
        let other = finding("globex/shop/http", at: clock.now)
        for raised in [down, slow, other, down] {
            _ = try await store.raise(raised, plans: standardPlans, reopenWithin: cooldown)
        }
        _ = try await store.recover(dedupKey: other.dedupKey, at: clock.now, detail: "HTTP 200 twice")
        try Expect.equal(try await store.activeDedupKeys(), [down.dedupKey, slow.dedupKey], "active dedup keys")
    }

    /// Filters combine (empty sets mean any), the newest ticket comes first, the offset and limit
    /// apply last, and the count ignores them.
    public static func ticketFilters(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let start = clock.now
        let acmeDown = try await store.raise(
            finding("acme/www/http", at: clock.now), plans: standardPlans, reopenWithin: cooldown
        )
        clock.advance(by: .seconds(60))
        let acmeSlow = try await store.raise(
            finding("acme/www/http", kind: .slow, code: .yellow, at: clock.now),
            plans: standardPlans, reopenWithin: cooldown
        )
        clock.advance(by: .seconds(60))
        let globex = finding("globex/shop/http", at: clock.now)
        _ = try await store.raise(globex, plans: standardPlans, reopenWithin: cooldown)
        let globexResolved = try await store.recover(dedupKey: globex.dedupKey, at: clock.now, detail: "HTTP 200")
        let newestFirst = [try Expect.present(globexResolved, "recovered ticket"), acmeSlow.ticket, acmeDown.ticket]
        let cases: [(TicketFilter, [Ticket], String)] = [
            (TicketFilter(), newestFirst, "no filter"),
            (TicketFilter(statuses: [.open]), [acmeSlow.ticket, acmeDown.ticket], "open"),
            (TicketFilter(statuses: [.resolved]), [newestFirst[0]], "resolved"),
            (TicketFilter(statuses: [.taken]), [], "taken"),
            (TicketFilter(codes: [.yellow]), [acmeSlow.ticket], "YELLOW"),
            (TicketFilter(customer: "acme"), [acmeSlow.ticket, acmeDown.ticket], "customer acme"),
            (TicketFilter(codes: [.red], customer: "acme"), [acmeDown.ticket], "customer acme, RED"),
            (
                TicketFilter(statuses: [.open, .resolved], codes: [.red]), [newestFirst[0], acmeDown.ticket],
                "open or resolved, RED"
            ),
            (TicketFilter(customer: "initech"), [], "unknown customer"),
            (TicketFilter(limit: 1), [newestFirst[0]], "limit 1"),
            (TicketFilter(limit: 1, offset: 1), [acmeSlow.ticket], "limit 1, offset 1"),
            (TicketFilter(limit: 5, offset: 2), [acmeDown.ticket], "limit 5, offset 2"),
            (TicketFilter(limit: 5, offset: 3), [], "offset past the end"),
            (TicketFilter(targetID: "globex/shop"), [newestFirst[0]], "site globex/shop"),
            (TicketFilter(activeWithin: span(start, -100, 130)), [acmeDown.ticket], "active before the others opened"),
            (TicketFilter(activeWithin: span(start, 120, 1)), newestFirst, "active when the last one ended"),
            (
                TicketFilter(activeWithin: span(start, 121, 60)), [acmeSlow.ticket, acmeDown.ticket],
                "active after the last one ended"
            ),
        ]
        for (filter, expected, what) in cases {
            let ids = try await store.tickets(filter).map(\.id)
            try Expect.equal(ids, expected.map(\.id), "ticket ids, filter \(what)")
        }
        try Expect.equal(try await store.ticketCount(TicketFilter(limit: 1, offset: 1)), 3, "count ignores limit and offset")
        try Expect.equal(try await store.ticketCount(TicketFilter(customer: "acme")), 2, "count of customer acme")
        try Expect.equal(try await store.ticketCount(TicketFilter(targetID: "nowhere")), 0, "count of an unknown site")
        try Expect.equal(try await store.tickets(TicketFilter()), newestFirst, "tickets listed in full")
    }

    /// Many trails read at once are each ticket's own trail, oldest first; unknown ids have none.
    public static func eventsOfManyTickets(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        var ids: [Int64] = []
        for index in 0..<3 {
            let down = finding("acme/site\(index)/http", at: clock.now)
            ids.append(try await store.raise(down, plans: standardPlans, reopenWithin: cooldown).ticket.id)
            clock.advance(by: .seconds(30))
            _ = try await store.raise(down, plans: standardPlans, reopenWithin: cooldown)
            if index != 1 { _ = try await store.recover(dedupKey: down.dedupKey, at: clock.now, detail: "HTTP 200") }
        }
        let unknown = ids.max()! + 1000
        let trails = try await store.events(ticketIDs: ids.reversed() + [unknown])
        for id in ids {
            try Expect.equal(trails[id], try await store.events(ticketID: id), "trail of ticket \(id) read with the others")
        }
        try Expect.equal(trails[unknown], nil, "trail of unknown ticket \(unknown)")
        try Expect.equal(try await store.events(ticketIDs: []), [:], "trails of no tickets")
    }

    /// `seconds` long, starting `offset` seconds after `start`.
    private static func span(_ start: Date, _ offset: Double, _ seconds: Double) -> DateInterval {
        DateInterval(start: start.addingTimeInterval(offset), duration: seconds)
    }

    /// An id that was never assigned reads as no ticket and an empty audit trail, never an error.
    public static func unknownTicketIsAbsent(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let opened = try await store.raise(finding(at: clock.now), plans: standardPlans, reopenWithin: cooldown).ticket
        let unknown = opened.id + 1000
        try Expect.equal(try await store.ticket(id: unknown), nil, "ticket \(unknown)")
        try Expect.equal(try await store.events(ticketID: unknown), [], "events of ticket \(unknown)")
    }
}
