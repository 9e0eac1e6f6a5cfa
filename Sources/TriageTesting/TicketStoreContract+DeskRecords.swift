import Foundation
import TicketStore
import TriageCore

/// How desk work ends and reads back: WHITE refusals and referrals, unknown ids, and every field
/// the desk writes surviving the store.
extension TicketStoreContract {
    /// A WHITE request can be refused or referred to a partner, each ending it with its own
    /// status and event; a RED one cannot, and the refusal leaves it as it was.
    public static func whiteCanBeRefusedOrReferred(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let first = try await store.file(newTicket(.white, case: "seo-audit"), plans: standardPlans, at: clock.now)
        let second = try await store.file(newTicket(.white, case: "seo-audit"), plans: standardPlans, at: clock.now)
        let red = try await store.file(newTicket(.red, case: .siteDown), plans: standardPlans, at: clock.now)
        clock.advance(by: .seconds(3600))

        let refused = try await apply(
            .refuse(reason: "SEO is not hosting work"), to: first.id, by: "ana", at: clock.now, in: store
        )
        try Expect.equal(refused.status, .refused, "status after refusing")
        try Expect.equal(refused.resolution, "SEO is not hosting work", "resolution of a refusal")
        try Expect.equal(refused.resolvedAt, clock.now, "ended at")
        try Expect.equal(try await store.ticket(id: first.id), refused, "refused ticket read back")
        try Expect.equal(try await store.events(ticketID: first.id).map(\.kind), [.opened, .refused], "refusal trail")

        let referred = try await apply(
            .refer(to: "Studio Rossi", note: "our SEO partner"), to: second.id, by: "ana", at: clock.now, in: store
        )
        try Expect.equal(referred.status, .referred, "status after referring")
        try Expect.equal(referred.referredTo, "Studio Rossi", "partner")
        try Expect.equal(referred.resolution, "referred to Studio Rossi: our SEO partner", "resolution of a referral")
        try Expect.equal(try await store.ticket(id: second.id), referred, "referred ticket read back")
        let referralTrail = try await store.events(ticketID: second.id).map(\.kind)
        try Expect.equal(referralTrail, [.opened, .referred], "referral trail")

        try await Expect.throwsError(
            TicketActionError.onlyForWhite(ticket: red.id, action: "refuse", code: .red), "refusing a RED ticket"
        ) { try await apply(.refuse(reason: "busy"), to: red.id, by: "ana", at: clock.now, in: store) }
        try await Expect.throwsError(
            TicketActionError.notAllowed(ticket: first.id, action: "take", status: .refused), "taking a refused ticket"
        ) { try await take(first.id, by: "bob", at: clock.now, in: store) }
        try Expect.equal(try await store.ticket(id: red.id), red, "RED ticket after a refused refusal")
        try Expect.equal(try await store.events(ticketID: red.id).map(\.kind), [.opened], "RED trail")
    }

    /// An action on an id that was never assigned is refused as `.unknownTicket`, and creates nothing.
    public static func actionOnUnknownTicketIsRefused(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let filed = try await store.file(newTicket(.red), plans: standardPlans, at: clock.now)
        let unknown = filed.id + 1000
        try await Expect.throwsError(TicketActionError.unknownTicket(unknown), "take of ticket \(unknown)") {
            try await take(unknown, by: "ana", at: clock.now, in: store)
        }
        try await Expect.throwsError(TicketActionError.unknownTicket(unknown), "comment on ticket \(unknown)") {
            try await apply(.comment("anyone?"), to: unknown, by: "ana", at: clock.now, in: store)
        }
        try Expect.equal(try await store.tickets(TicketFilter()), [filed], "tickets after actions on an unknown id")
        try Expect.equal(try await store.events(ticketID: unknown), [], "events of ticket \(unknown)")
    }

    /// Every field the desk writes (early take, partner, surcharge, breach time) reads back the same
    /// by id and in a listing; the case filter lists the tickets of one catalogue case.
    public static func deskFieldsRoundTrip(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let green = try await store.file(
            newTicket(.green, case: "https-lets-encrypt"), plans: standardPlans, at: clock.now
        )
        let early = try await apply(
            .take(overrideReason: "agreed by phone"), to: green.id, by: "ana", at: clock.now, in: store
        )
        clock.advance(by: .seconds(1))
        let white = try await store.file(newTicket(.white, case: "seo-audit"), plans: standardPlans, at: clock.now)
        let referred = try await apply(
            .refer(to: "Studio Rossi", note: ""), to: white.id, by: "ana", at: clock.now, in: store
        )
        clock.advance(by: .seconds(1))
        let down = try await store.file(newTicket(.red, case: .siteDown), plans: standardPlans, at: clock.now)
        let surcharged = try await apply(
            .resolve(cause: .customer, note: "no backup before the update", fee: nil, surcharge: .major(50)),
            to: down.id, by: "bob", at: clock.now, in: store
        )
        clock.advance(by: .seconds(1))
        let late = try await store.file(newTicket(.red, case: .siteDown), plans: standardPlans, at: clock.now)
        clock.advance(by: .seconds(16 * 60))
        let breached = try Expect.present(try await store.recordBreaches(at: clock.now).first, "breached ticket")

        try Expect.equal(early.takenEarly, true, "taken early")
        try Expect.equal(referred.referredTo, "Studio Rossi", "referred to")
        try Expect.equal(surcharged.surcharge, .major(50), "surcharge")
        try Expect.equal(breached.id, late.id, "breached ticket id")
        try Expect.equal(breached.breachRecordedAt, clock.now, "breach recorded at")
        let newestFirst = [breached, surcharged, referred, early]
        for ticket in newestFirst {
            try Expect.equal(try await store.ticket(id: ticket.id), ticket, "ticket \(ticket.id) read back")
        }
        try Expect.equal(try await store.tickets(TicketFilter()), newestFirst, "tickets listed in full")
        let cases: [(TicketFilter, [Ticket], String)] = [
            (TicketFilter(caseID: .siteDown), [breached, surcharged], "case site-down"),
            (TicketFilter(statuses: [.open], caseID: .siteDown), [breached], "open, case site-down"),
            (TicketFilter(caseID: "no-such-case"), [], "an unknown case"),
        ]
        for (filter, expected, what) in cases {
            try Expect.equal(try await store.tickets(filter), expected, "tickets of \(what)")
        }
    }
}
