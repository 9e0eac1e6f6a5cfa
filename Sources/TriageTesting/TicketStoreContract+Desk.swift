import Foundation
import TicketStore
import TriageCore

/// Working tickets at the desk: the store applies `TicketDesk`'s rules atomically, keeps its
/// refusals as they are, and lets exactly one of several racing people win.
extension TicketStoreContract {
    /// Taking a ticket records who took it and when, meets the deadline, and adds a `taken` event by them.
    public static func takeRecordsOwner(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let filed = try await store.file(newTicket(.red, case: .siteDown), plans: standardPlans, at: clock.now)
        clock.advance(by: .seconds(5 * 60))
        let takenAt = clock.now
        let taken = try await take(filed.id, by: "bob", at: takenAt, in: store)
        var expected = filed
        expected.status = .taken
        expected.takenBy = "bob"
        expected.takenAt = takenAt
        try Expect.equal(taken, expected, "taken ticket")
        try Expect.equal(try await store.ticket(id: filed.id), expected, "taken ticket read back")
        try Expect.equal(taken.outcome(at: takenAt.addingTimeInterval(3600)), .met, "deadline outcome")
        let events = try await store.events(ticketID: filed.id)
        try Expect.equal(events.map(\.kind), [.opened, .taken], "audit trail kinds")
        try Expect.equal(events.last?.actor, "bob", "actor of the taken event")
        try Expect.equal(events.last?.at, takenAt, "time of the taken event")
    }

    /// A refused action throws the desk's own error and writes nothing: taking a taken ticket,
    /// taking a GREEN one before its window, resolving without the surcharge the customer owes.
    /// An early take with an override is then recorded as early.
    public static func refusedActionWritesNothing(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let red = try await store.file(newTicket(.red, case: .siteDown), plans: standardPlans, at: clock.now)
        let taken = try await take(red.id, by: "ana", at: clock.now, in: store)
        try await Expect.throwsError(
            TicketActionError.notAllowed(ticket: red.id, action: "take", status: .taken), "second take"
        ) { try await take(red.id, by: "bob", at: clock.now, in: store) }
        let customerFault = TicketAction.resolve(
            cause: .customer, note: "plugin tried in production", fee: nil, surcharge: nil
        )
        try await Expect.throwsError(
            TicketActionError.surchargeRequired(ticket: red.id, min: .major(20), max: .major(50)),
            "resolve without the surcharge"
        ) { try await apply(customerFault, to: red.id, by: "ana", at: clock.now, in: store) }
        try Expect.equal(try await store.ticket(id: red.id), taken, "ticket after two refused actions")
        let kinds = try await store.events(ticketID: red.id).map(\.kind)
        try Expect.equal(kinds, [.opened, .taken], "events after two refused actions")

        let filedAt = clock.now
        let green = try await store.file(
            newTicket(.green, case: "https-lets-encrypt"), plans: standardPlans, at: filedAt
        )
        clock.advance(by: .seconds(3600))
        try await Expect.throwsError(
            TicketActionError.tooEarly(ticket: green.id, notBefore: filedAt.addingTimeInterval(48 * 3600)), "early take"
        ) { try await take(green.id, by: "ana", at: clock.now, in: store) }
        try Expect.equal(try await store.ticket(id: green.id), green, "GREEN ticket after a refused early take")
        let early = try await apply(
            .take(overrideReason: "customer asked, the site is idle today"), to: green.id, by: "ana", at: clock.now,
            in: store
        )
        try Expect.that(early.takenEarly, "a take with an override before the window is recorded as early")
        try Expect.equal(try await store.ticket(id: green.id), early, "early-taken ticket read back")
    }

    /// Twenty people taking one ticket at once: one take wins, every other one is refused because
    /// the ticket is taken, and the trail holds exactly one `taken` event, by the winner.
    public static func concurrentTakesHaveOneWinner(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let filed = try await store.file(newTicket(.red, case: .siteDown), plans: standardPlans, at: clock.now)
        let now = clock.now
        let outcomes = try await withThrowingTaskGroup(of: Result<Ticket, TicketActionError>.self) { group in
            for person in 0..<20 {
                group.addTask {
                    do {
                        return .success(try await take(filed.id, by: "person\(person)", at: now, in: store))
                    } catch let refusal as TicketActionError {
                        return .failure(refusal)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let winners = outcomes.compactMap { try? $0.get() }
        try Expect.equal(winners.count, 1, "takes that won")
        let refusal = TicketActionError.notAllowed(ticket: filed.id, action: "take", status: .taken)
        let refused = outcomes.filter { if case .failure(let error) = $0 { error == refusal } else { false } }
        try Expect.equal(refused.count, 19, "takes refused because the ticket was taken")
        let events = try await store.events(ticketID: filed.id)
        try Expect.equal(events.map(\.kind), [.opened, .taken], "audit trail after the race")
        try Expect.equal(events.last?.actor, winners.first?.takenBy, "actor of the one taken event")
        try Expect.equal(try await store.ticket(id: filed.id), winners.first, "the winner's ticket read back")
    }

    /// Recoding YELLOW to RED sets the RED deadline counted from the recoding, not the filing; the
    /// trail keeps both codes.
    public static func recodeRecomputesDeadline(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let filed = try await store.file(newTicket(.yellow), plans: standardPlans, at: clock.now)
        clock.advance(by: .seconds(2 * 3600))
        let recodedAt = clock.now
        let recoded = try await apply(
            .recode(.red, reason: "the shop is now down"), to: filed.id, by: "ana", at: recodedAt, in: store
        )
        try Expect.equal(recoded.code, .red, "code after recoding")
        try Expect.equal(recoded.deadline, recodedAt.addingTimeInterval(15 * 60), "deadline counted from the recoding")
        try Expect.equal(recoded.openedAt, filed.openedAt, "opened at (unchanged by recoding)")
        try Expect.equal(try await store.ticket(id: filed.id), recoded, "recoded ticket read back")
        let events = try await store.events(ticketID: filed.id)
        try Expect.equal(events.map(\.kind), [.opened, .recoded], "audit trail kinds")
        try Expect.that(events[0].detail.contains("YELLOW"), "the opened event names the first code: \(events[0])")
        try Expect.that(events[1].detail.contains("YELLOW → RED"), "the recoded event names both codes: \(events[1])")
    }

    /// Resolving with cause customer stores the case's fee and the chosen surcharge to the cent;
    /// a fee chosen in a range is stored as chosen. Resolving an open ticket takes it first.
    public static func resolveStoresFeeAndSurcharge(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let down = try await store.file(newTicket(.red, case: .siteDown), plans: standardPlans, at: clock.now)
        _ = try await take(down.id, by: "ana", at: clock.now, in: store)
        clock.advance(by: .seconds(40 * 60))
        let surcharge = Money(minorUnits: 35_50)
        let resolved = try await apply(
            .resolve(cause: .customer, note: "cache plugin removed without asking", fee: nil, surcharge: surcharge),
            to: down.id, by: "ana", at: clock.now, in: store
        )
        try Expect.equal(resolved.status, .resolved, "status")
        try Expect.equal(resolved.cause, .customer, "cause")
        try Expect.equal(resolved.fee, Money(minorUnits: 0), "fee of a free case")
        try Expect.equal(resolved.surcharge, surcharge, "surcharge")
        try Expect.equal(resolved.resolvedAt, clock.now, "resolved at")
        try Expect.equal(resolved.resolution, "cache plugin removed without asking", "resolution")
        try Expect.equal(try await store.ticket(id: down.id), resolved, "resolved ticket read back")

        let domain = try await store.file(
            newTicket(.yellow, case: "activate-domain"), plans: standardPlans, at: clock.now
        )
        let billed = try await apply(
            .resolve(cause: .provider, note: "example.it activated", fee: Money(minorUnits: 12_34), surcharge: nil),
            to: domain.id, by: "bob", at: clock.now, in: store
        )
        try Expect.equal(billed.fee, Money(minorUnits: 12_34), "fee chosen in the range")
        try Expect.equal(billed.surcharge, nil, "surcharge without customer fault")
        try Expect.equal(billed.takenBy, "bob", "resolving an open ticket takes it in charge")
        try Expect.equal(try await store.ticket(id: domain.id), billed, "billed ticket read back")
        try Expect.equal(try await store.events(ticketID: domain.id).map(\.kind), [.opened, .taken, .resolved], "trail")
    }

    /// Take `id` on the published policy with the contract's catalogue, without an override.
    static func take(_ id: Int64, by person: String, at now: Date, in store: any TicketStore) async throws -> Ticket {
        try await apply(.take(overrideReason: nil), to: id, by: person, at: now, in: store)
    }

    /// `action` on ticket `id`, on the published policy with the contract's catalogue.
    static func apply(
        _ action: TicketAction, to id: Int64, by person: String, at now: Date, in store: any TicketStore
    ) async throws -> Ticket {
        try await store.apply(action, to: id, by: person, at: now, plans: standardPlans, catalogue: catalogue)
    }
}
