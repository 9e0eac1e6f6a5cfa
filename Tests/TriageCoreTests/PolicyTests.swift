import Foundation
import Testing
import TriageCore

struct PolicyTests {
    let opened = Date(timeIntervalSince1970: 1_800_000_000)

    static let published: [(TriageCode, Double, Double?)] = [
        (.red, 900, nil), (.yellow, 86400, nil), (.green, 345_600, 172_800), (.white, 604_800, 172_800),
    ]

    @Test(arguments: published)
    func thePublishedPolicy(code: TriageCode, deadline: Double, notBefore: Double?) {
        let policy = Policy.standard
        #expect(policy.deadline(for: code, openedAt: opened) == opened.addingTimeInterval(deadline))
        #expect(policy.notBefore(for: code, openedAt: opened) == notBefore.map { opened.addingTimeInterval($0) })
    }

    @Test func deadlinesAreCalendarTimeAcrossADaylightSavingChange() {
        // 2026-10-25 01:30 UTC: Europe's clocks go back an hour during this RED ticket's window.
        let opened = Date(timeIntervalSince1970: 1_792_891_800)
        #expect(Policy.standard.deadline(for: .yellow, openedAt: opened).timeIntervalSince(opened) == 86400)
    }

    @Test func aCodeLeftOutOfACustomPolicyKeepsThePublishedRule() {
        let custom = Policy(codes: [.red: CodePolicy(deadline: .seconds(300))])
        #expect(custom.deadline(for: .red, openedAt: opened) == opened.addingTimeInterval(300))
        #expect(custom.deadline(for: .green, openedAt: opened) == opened.addingTimeInterval(4 * 86400))
    }

    @Test func codesOrderByUrgency() {
        #expect([TriageCode.white, .green, .red, .yellow].sorted() == [.red, .yellow, .green, .white])
    }
}

struct TicketOutcomeTests {
    let opened = Date(timeIntervalSince1970: 1_800_000_000)

    func ticket(source: TicketSource = .probe) -> Ticket {
        Ticket(
            id: 1, code: .red, status: .open, source: source, customer: "acme", summary: "down",
            openedAt: opened, deadline: opened.addingTimeInterval(900)
        )
    }

    @Test func pendingUntilTheDeadlineThenBreached() {
        let ticket = ticket()
        #expect(ticket.outcome(at: opened.addingTimeInterval(899)) == .pending)
        #expect(ticket.outcome(at: opened.addingTimeInterval(901)) == .breached)
    }

    @Test func takenInTimeIsMetLateIsBreachedWhateverHappensAfter() {
        var ticket = ticket()
        ticket.status = .taken
        ticket.takenAt = opened.addingTimeInterval(600)
        #expect(ticket.outcome(at: opened.addingTimeInterval(99_999)) == .met)
        ticket.takenAt = opened.addingTimeInterval(901)
        #expect(ticket.outcome(at: opened.addingTimeInterval(901)) == .breached)
    }

    @Test func recoveredBeforeTheDeadlineUntakenIsMoot() {
        var ticket = ticket()
        ticket.status = .resolved
        ticket.resolvedAt = opened.addingTimeInterval(120)
        #expect(ticket.outcome(at: opened.addingTimeInterval(99_999)) == .moot)
        ticket.resolvedAt = opened.addingTimeInterval(1200)
        #expect(ticket.outcome(at: opened.addingTimeInterval(99_999)) == .breached)
    }
}
