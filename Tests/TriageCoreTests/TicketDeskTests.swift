import Foundation
import Testing
import TriageCore

/// The desk's rules with hand-made tickets and instants: no store, no clock, no sleeping.
struct TicketDeskTests {
    let opened = Date(timeIntervalSince1970: 1_800_000_000)
    let desk = TicketDesk(policy: .standard, catalogue: Catalogue([
        CatalogueCase(id: "site-down", title: "Website down", code: .red, fee: .free,
                      customerFaultSurcharge: Money.major(20)...Money.major(50)),
        CatalogueCase(id: "restore-database-backup", title: "Restore a database backup", code: .red, fee: .fixed(.major(40))),
        CatalogueCase(id: "activate-domain", title: "Activate new domains", code: .yellow, fee: .range(min: .major(10), max: .major(50))),
        CatalogueCase(id: "seo-audit", title: "SEO audit", code: .white, fee: .unlisted),
    ]))

    func ticket(_ code: TriageCode, case caseID: CaseID? = nil, status: TicketStatus = .open) -> Ticket {
        Ticket(
            id: 7, code: code, status: status, source: .manual, customer: "acme", caseID: caseID, summary: "help",
            openedAt: opened, notBefore: Policy.standard.notBefore(for: code, openedAt: opened),
            deadline: Policy.standard.deadline(for: code, openedAt: opened)
        )
    }

    func at(_ seconds: Double) -> Date { opened.addingTimeInterval(seconds) }

    @Test func takingInChargeRecordsWhoAndWhenAndMeetsTheDeadline() throws {
        let change = try desk.apply(.take(overrideReason: nil), to: ticket(.red), by: "ana", at: at(600))
        #expect(change.ticket.status == .taken)
        #expect(change.ticket.takenBy == "ana")
        #expect(change.ticket.takenAt == at(600))
        #expect(change.ticket.outcome(at: at(10_000)) == .met)
        #expect(change.events.map(\.kind) == [.taken])
        #expect(change.events.first?.actor == "ana")
    }

    @Test func aTakenTicketCannotBeTakenAgain() throws {
        let taken = try desk.apply(.take(overrideReason: nil), to: ticket(.red), by: "ana", at: at(60)).ticket
        #expect(throws: TicketActionError.notAllowed(ticket: 7, action: "take", status: .taken)) {
            try desk.apply(.take(overrideReason: nil), to: taken, by: "bob", at: at(61))
        }
    }

    @Test(arguments: [TriageCode.green, .white])
    func deferredCodesWaitForTheirWindowUnlessOverridden(code: TriageCode) throws {
        let early = at(3600)
        #expect(throws: TicketActionError.tooEarly(ticket: 7, notBefore: at(48 * 3600))) {
            try desk.apply(.take(overrideReason: nil), to: ticket(code), by: "ana", at: early)
        }
        let overridden = try desk.apply(.take(overrideReason: "customer asked, site idle"), to: ticket(code), by: "ana", at: early)
        #expect(overridden.ticket.takenEarly)
        #expect(overridden.events.first?.detail.contains("taken early") == true)
        let inWindow = try desk.apply(.take(overrideReason: nil), to: ticket(code), by: "ana", at: at(49 * 3600))
        #expect(!inWindow.ticket.takenEarly)
    }

    @Test func recodingRecomputesTheDeadlineFromNowAndKeepsTheHistory() throws {
        let change = try desk.apply(.recode(.red, reason: "the shop is now down"), to: ticket(.yellow), by: "ana", at: at(7200))
        #expect(change.ticket.code == .red)
        #expect(change.ticket.deadline == at(7200 + 900))
        #expect(change.ticket.notBefore == nil)
        #expect(change.events.first?.kind == .recoded)
        #expect(change.events.first?.detail.hasPrefix("YELLOW → RED: the shop is now down") == true)
        #expect(throws: TicketActionError.sameCode(ticket: 7, code: .red)) {
            try desk.apply(.recode(.red, reason: "again"), to: change.ticket, by: "ana", at: at(7300))
        }
    }

    @Test func aFixedFeeIsBilledAndCannotBeChanged() throws {
        let resolved = try desk.apply(
            .resolve(cause: .provider, note: "restored", fee: nil, surcharge: nil),
            to: ticket(.red, case: "restore-database-backup"), by: "ana", at: at(300)
        )
        #expect(resolved.ticket.fee == .major(40))
        #expect(resolved.ticket.status == .resolved)
        #expect(resolved.ticket.takenBy == "ana", "resolving an open ticket takes it in charge first")
        #expect(resolved.events.map(\.kind) == [.taken, .resolved])
        #expect(throws: TicketActionError.self) {
            try desk.apply(.resolve(cause: .provider, note: "x", fee: .major(30), surcharge: nil),
                           to: ticket(.red, case: "restore-database-backup"), by: "ana", at: at(300))
        }
    }

    @Test func aRangedFeeMustBeChosenWithinItsRange() throws {
        let base = ticket(.yellow, case: "activate-domain")
        #expect(throws: TicketActionError.feeRequired(ticket: 7, caseID: "activate-domain", hint: "pass --fee from 10.00 to 50.00 EUR")) {
            try desk.apply(.resolve(cause: .provider, note: "done", fee: nil, surcharge: nil), to: base, by: "ana", at: at(60))
        }
        #expect(throws: TicketActionError.feeOutOfRange(ticket: 7, fee: .major(60), min: .major(10), max: .major(50))) {
            try desk.apply(.resolve(cause: .provider, note: "done", fee: .major(60), surcharge: nil), to: base, by: "ana", at: at(60))
        }
        let change = try desk.apply(.resolve(cause: .provider, note: "done", fee: .major(25), surcharge: nil), to: base, by: "ana", at: at(60))
        #expect(change.ticket.fee == .major(25))
    }

    @Test func theCustomerFaultSurchargeIsChosenInItsRangeOnlyWhenTheCustomerCausedIt() throws {
        let down = ticket(.red, case: "site-down")
        func resolve(_ cause: Cause, _ surcharge: Money?) throws -> Ticket {
            try desk.apply(.resolve(cause: cause, note: "plugin tried in production", fee: nil, surcharge: surcharge), to: down, by: "ana", at: at(60)).ticket
        }
        #expect(try resolve(.customer, .major(30)).surcharge == .major(30))
        #expect(try resolve(.provider, nil).surcharge == nil)
        #expect(throws: TicketActionError.surchargeRequired(ticket: 7, min: .major(20), max: .major(50))) { try resolve(.customer, nil) }
        #expect(throws: TicketActionError.surchargeOutOfRange(ticket: 7, surcharge: .major(60), min: .major(20), max: .major(50))) {
            try resolve(.customer, .major(60))
        }
        #expect(throws: TicketActionError.surchargeWithoutCustomerCause(ticket: 7)) { try resolve(.thirdParty, .major(30)) }
        #expect(throws: TicketActionError.surchargeNotApplicable(ticket: 7, caseID: "restore-database-backup")) {
            try desk.apply(.resolve(cause: .customer, note: "x", fee: nil, surcharge: .major(30)),
                           to: ticket(.red, case: "restore-database-backup"), by: "ana", at: at(60))
        }
    }

    @Test func onlyWhiteTicketsAreRefusedOrReferred() throws {
        let refused = try desk.apply(.refuse(reason: "outside hosting"), to: ticket(.white, case: "seo-audit"), by: "ana", at: at(60))
        #expect(refused.ticket.status == .refused)
        let referred = try desk.apply(.refer(to: "Partner SEO Ltd", note: ""), to: ticket(.white), by: "ana", at: at(60))
        #expect(referred.ticket.status == .referred)
        #expect(referred.ticket.referredTo == "Partner SEO Ltd")
        #expect(throws: TicketActionError.onlyForWhite(ticket: 7, action: "refuse", code: .green)) {
            try desk.apply(.refuse(reason: "no"), to: ticket(.green), by: "ana", at: at(60))
        }
        #expect(throws: TicketActionError.notAllowed(ticket: 7, action: "take", status: .refused)) {
            try desk.apply(.take(overrideReason: nil), to: refused.ticket, by: "bob", at: at(61))
        }
    }

    @Test func resolvingAResolvedTicketIsRefusedWithAClearMessage() throws {
        let resolved = try desk.apply(.resolve(cause: .provider, note: "ok", fee: nil, surcharge: nil), to: ticket(.red), by: "ana", at: at(60))
        do {
            _ = try desk.apply(.resolve(cause: .provider, note: "again", fee: nil, surcharge: nil), to: resolved.ticket, by: "ana", at: at(61))
            Issue.record("a resolved ticket was resolved again")
        } catch {
            #expect(error.description == "ticket 7 is resolved: it cannot be resolved (only an open or taken ticket can be resolved)")
        }
    }

    @Test func commentsNeedText() throws {
        #expect(try desk.apply(.comment("called the customer"), to: ticket(.red), by: "ana", at: at(1)).events.first?.kind == .comment)
        #expect(throws: TicketActionError.emptyText(ticket: 7, what: "comment")) {
            try desk.apply(.comment("  "), to: ticket(.red), by: "ana", at: at(1))
        }
    }
}

struct WorkQueueTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func ticket(_ id: Int64, _ code: TriageCode, deadlineIn: Double, notBeforeIn: Double? = nil, status: TicketStatus = .open) -> Ticket {
        Ticket(
            id: id, code: code, status: status, source: .manual, customer: "acme", summary: "t\(id)",
            openedAt: now.addingTimeInterval(-60), notBefore: notBeforeIn.map { now.addingTimeInterval($0) },
            deadline: now.addingTimeInterval(deadlineIn)
        )
    }

    @Test func redThenYellowThenOpenedWindowsEachByDeadline() {
        let tickets = [
            ticket(1, .green, deadlineIn: 3600, notBeforeIn: -10),
            ticket(2, .yellow, deadlineIn: 500),
            ticket(3, .red, deadlineIn: 800),
            ticket(4, .red, deadlineIn: -30),
            ticket(5, .white, deadlineIn: 100, notBeforeIn: 50),
            ticket(6, .yellow, deadlineIn: 200),
            ticket(7, .red, deadlineIn: 10, status: .taken),
            ticket(8, .white, deadlineIn: 1000, notBeforeIn: -1),
        ]
        let queue = WorkQueue.order(tickets, now: now)
        #expect(queue.map(\.ticket.id) == [4, 3, 6, 2, 1, 8])
        #expect(queue.first?.secondsLeft == -30)
        #expect(WorkQueue.waiting(tickets, now: now).map(\.id) == [5])
    }
}
