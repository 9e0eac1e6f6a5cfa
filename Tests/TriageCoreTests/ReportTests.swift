import Foundation
import Testing
import TriageCore

/// Deadline and fee reports on hand-built tickets with known answers.
struct ReportTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var end: Date { start.addingTimeInterval(7 * 86_400) }

    func ticket(
        _ id: Int64, _ code: TriageCode, openedAfter hours: Double, takenAfter: Double? = nil, resolvedAfter: Double? = nil,
        status: TicketStatus = .open, customer: String = "acme", caseID: CaseID? = nil, fee: Money? = nil, surcharge: Money? = nil,
        takenEarly: Bool = false
    ) -> Ticket {
        let opened = start.addingTimeInterval(hours * 3600)
        let window: TimeInterval = code == .red ? 900 : code == .yellow ? 86_400 : 4 * 86_400
        return Ticket(
            id: id, code: code, status: status, source: .manual, customer: customer, caseID: caseID, summary: "t\(id)",
            openedAt: opened, deadline: opened.addingTimeInterval(window), takenAt: takenAfter.map { opened.addingTimeInterval($0) },
            takenBy: takenAfter.map { _ in "ana" }, resolvedAt: resolvedAfter.map { opened.addingTimeInterval($0) }, fee: fee,
            surcharge: surcharge, takenEarly: takenEarly
        )
    }

    @Test func everyTicketOfThePeriodIsCountedUnderItsOutcome() throws {
        let tickets = [
            ticket(1, .red, openedAfter: 1, takenAfter: 300, resolvedAfter: 3600, status: .resolved),  // met in 5 min
            ticket(2, .red, openedAfter: 2, takenAfter: 600, status: .taken),                           // met in 10 min
            ticket(3, .red, openedAfter: 3, takenAfter: 1200, status: .taken),                          // breached: 20 min
            ticket(4, .red, openedAfter: 4, resolvedAfter: 120, status: .resolved),                     // moot: recovered untaken
            ticket(5, .red, openedAfter: 167.9),                                                          // pending at the end
            ticket(6, .red, openedAfter: -1, takenAfter: 60, status: .taken),                           // before the period
            ticket(7, .green, openedAfter: 5, takenAfter: 3600, status: .taken, takenEarly: true),
        ]
        let report = DeadlineReport(tickets: tickets, from: start, to: end, now: end)
        let red = try #require(report.rows.first)
        #expect(report.rows.map(\.code) == [.red, .yellow, .green, .white])
        #expect([red.tickets, red.met, red.breached, red.moot, red.pending] as [Int] == [5, 2, 1, 1, 1])
        #expect(red.attainment == 2.0 / 3.0)
        #expect(red.timeToTake == TimeStats([300, 600, 1200]))
        #expect(red.timeToTake?.p50 == 600 && red.timeToTake?.p90 == 1200 && red.timeToTake?.mean == 700)
        #expect(red.timeToResolve?.count == 2)
        #expect(report.rows[1].tickets == 0 && report.rows[1].attainment == nil && report.rows[1].timeToTake == nil)
        #expect(report.rows[2].takenEarly == 1 && report.rows[2].met == 1)
    }

    @Test func nearestRankPercentilesAreTimesThatHappened() throws {
        let stats = try #require(TimeStats((1...10).map(Double.init)))
        #expect([stats.count, Int(stats.p50), Int(stats.p90)] as [Int] == [10, 5, 9])
        #expect(stats.mean == 5.5)
        #expect(TimeStats([]) == nil)
    }

    @Test func feesAreExactSumsPerCustomerAndCaseWithOpenItemsListed() {
        let catalogue = Catalogue([
            CatalogueCase(id: "restore-database-backup", title: "Restore", code: .red, fee: .fixed(.major(40))),
            CatalogueCase(id: "pagespeed-optimisation", title: "PageSpeed", code: .green, fee: .onQuote),
            CatalogueCase(id: .siteDown, title: "Down", code: .red, fee: .free),
        ])
        let tickets = [
            ticket(1, .red, openedAfter: 1, resolvedAfter: 3600, status: .resolved, caseID: "restore-database-backup", fee: .major(40)),
            ticket(2, .red, openedAfter: 2, resolvedAfter: 3600, status: .resolved, caseID: "restore-database-backup",
                   fee: .major(40), surcharge: Money(minorUnits: 2_550)),
            ticket(3, .red, openedAfter: 3, resolvedAfter: 60, status: .resolved, customer: "globex", caseID: .siteDown,
                   surcharge: .major(20)),
            ticket(4, .green, openedAfter: 4, resolvedAfter: 60, status: .resolved, caseID: "pagespeed-optimisation"),
            ticket(5, .red, openedAfter: 5, resolvedAfter: 60, status: .resolved, caseID: .siteDown),
            ticket(6, .red, openedAfter: -48, resolvedAfter: 3600, status: .resolved, caseID: "restore-database-backup", fee: .major(40)),
            ticket(7, .red, openedAfter: 6, status: .taken, caseID: "restore-database-backup"),
        ]
        let report = FeeReport(tickets: tickets, catalogue: catalogue, from: start, to: end)
        #expect(report.lines.map(\.customer) == ["acme", "globex"])
        #expect(report.lines[0].caseID == "restore-database-backup")
        #expect(report.lines[0].tickets == 2)
        #expect(report.lines[0].fees == Money.major(80))
        #expect(report.lines[0].surcharges.decimalString == "25.50")
        #expect(report.lines[0].total.decimalString == "105.50")
        #expect(report.lines[1].fees == Money.major(0) && report.lines[1].surcharges == Money.major(20))
        #expect(report.openItems.map(\.ticketID) == [4])
        #expect(report.openItems.first?.basis == "on quote")
    }
}

/// Ticket counts by code, case and source, and the RED list.
struct TicketCountReportTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func ticket(_ id: Int64, _ code: TriageCode, source: TicketSource, caseID: CaseID?, hours: Double, resolvedAfter: Double?) -> Ticket {
        let opened = start.addingTimeInterval(hours * 3600)
        return Ticket(
            id: id, code: code, status: resolvedAfter == nil ? .open : .resolved, source: source, customer: "acme", caseID: caseID,
            summary: "t\(id)", openedAt: opened, deadline: opened.addingTimeInterval(900),
            resolvedAt: resolvedAfter.map { opened.addingTimeInterval($0) }
        )
    }

    @Test func ticketsAreCountedByCodeCaseAndSourceAndRedOnesListed() {
        let tickets = [
            ticket(1, .red, source: .probe, caseID: .siteDown, hours: 2, resolvedAfter: 600),
            ticket(2, .red, source: .probe, caseID: .siteDown, hours: 1, resolvedAfter: 1200),
            ticket(3, .red, source: .inbound, caseID: nil, hours: 3, resolvedAfter: nil),
            ticket(4, .yellow, source: .manual, caseID: "lost-ftp-password", hours: 4, resolvedAfter: 60),
            ticket(5, .red, source: .probe, caseID: .siteDown, hours: -1, resolvedAfter: 60),
        ]
        let report = TicketCountReport(tickets: tickets, from: start, to: start.addingTimeInterval(86_400), now: start.addingTimeInterval(86_400))
        #expect(report.groups.map { "\($0.code.rawValue) \($0.caseID?.rawValue ?? "-") \($0.source.rawValue) \($0.tickets)/\($0.active)" } == [
            "RED - inbound 1/1", "RED site-down probe 2/0", "YELLOW lost-ftp-password manual 1/0",
        ])
        #expect(report.groups[1].duration?.mean == 900)
        #expect(report.red.map(\.id) == [2, 1, 3], "oldest first, the one before the period left out")
        #expect(report.red.last?.outcome == .breached, "open a day after its 15-minute deadline")
    }
}
