import Foundation
import TicketStore
import TriageCore

/// The work queue read from the store: the same order as `WorkQueue.order`, cut into pages.
extension TicketStoreContract {
    /// Open tickets whose window has opened, RED then YELLOW then GREEN then WHITE, each code by
    /// deadline; taken tickets and tickets still waiting for their window are left out; the
    /// filters and the page apply, and the total counts the whole filtered queue. The store's
    /// answer must equal `WorkQueue.order` over every ticket, the specification of the order.
    public static func workQueueOrdersAndPages(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let green = try await store.file(newTicket(.green, case: "https-lets-encrypt"), plans: standardPlans, at: clock.now)
        let white = try await store.file(newTicket(.white, case: "seo-audit", customer: "globex"), plans: standardPlans, at: clock.now)
        clock.advance(by: .seconds(60))
        let overdueYellow = try await store.file(newTicket(.yellow, case: "activate-domain"), plans: standardPlans, at: clock.now)
        clock.advance(by: .seconds(49 * 3600))
        _ = try await store.file(newTicket(.green, case: "https-lets-encrypt"), plans: standardPlans, at: clock.now)
        let yellow = try await store.file(newTicket(.yellow, customer: "globex"), plans: standardPlans, at: clock.now)
        let red = try await store.raise(finding("acme/www/http", at: clock.now), plans: standardPlans, reopenWithin: cooldown).ticket
        let taken = try await store.raise(finding("globex/shop/http", at: clock.now), plans: standardPlans, reopenWithin: cooldown).ticket
        _ = try await store.apply(
            .take(overrideReason: nil), to: taken.id, by: "ana", at: clock.now, plans: standardPlans, catalogue: catalogue
        )
        clock.advance(by: .seconds(60))
        let laterRed = try await store.raise(finding("acme/shop/http", at: clock.now), plans: standardPlans, reopenWithin: cooldown).ticket
        let now = clock.now

        let expected = [red, laterRed, overdueYellow, yellow, green, white].map(\.id)
        let everything = try await store.tickets(TicketFilter(limit: .max))
        try Expect.equal(WorkQueue.order(everything, now: now).map(\.ticket.id), expected, "the specification's order")
        let cases: [(WorkQueueQuery, [Int64], Int, String)] = [
            (WorkQueueQuery(now: now, limit: 100), expected, 6, "whole queue"),
            (WorkQueueQuery(now: now, limit: 2), Array(expected[0..<2]), 6, "first page of 2"),
            (WorkQueueQuery(now: now, limit: 2, offset: 2), Array(expected[2..<4]), 6, "second page of 2"),
            (WorkQueueQuery(now: now, limit: 2, offset: 6), [], 6, "offset past the end"),
            (WorkQueueQuery(codes: [.yellow, .white], now: now, limit: 100), [overdueYellow.id, yellow.id, white.id], 3, "YELLOW or WHITE"),
            (WorkQueueQuery(customer: "globex", now: now, limit: 100), [yellow.id, white.id], 2, "customer globex"),
            (WorkQueueQuery(codes: [.red], customer: "globex", now: now, limit: 100), [], 0, "globex RED, taken"),
            (WorkQueueQuery(codes: [.green, .white], now: green.openedAt, limit: 100), [], 0, "GREEN and WHITE before their window"),
        ]
        for (query, ids, total, what) in cases {
            let page = try await store.workQueue(query)
            try Expect.equal(page.tickets.map(\.id), ids, "work queue ids, \(what)")
            try Expect.equal(page.total, total, "work queue total, \(what)")
        }
        let first = try await store.workQueue(WorkQueueQuery(now: now, limit: 1)).tickets
        try Expect.equal(first, [red], "a queue ticket read back whole")
    }
}
