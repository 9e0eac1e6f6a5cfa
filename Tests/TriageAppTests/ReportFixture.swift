import Foundation
import TriageCore

/// A hand-built week of three sites and their tickets: a full ``ManagerReport`` whose charts
/// have known shapes (three sites × seven days, four checks, four codes) and whose data holds
/// markup that must stay text.
enum ReportFixture {
    /// Monday 2026-11-02 00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_793_577_600)
    static let days = 7
    static var end: Date { start.addingTimeInterval(Double(days) * 86_400) }
    static let script = "<script>document.body.innerHTML='owned'</script> site down & out"

    static func full() -> ManagerReport {
        let periods = checkPeriods()
        let downtime = ["acme/www/http": [IncidentDowntime.Share(ticketID: 1, cause: "provider", seconds: 5_400)]]
        let tickets = tickets()
        return ManagerReport(
            from: start, to: end, generatedAt: end.addingTimeInterval(3_600), customer: nil,
            uptime: UptimeReport(checks: periods, downtime: downtime, from: start, to: end),
            responseTimes: ResponseTimeReport(checks: periods, from: start, to: end),
            tickets: TicketCountReport(tickets: tickets, events: [1: timeline], from: start, to: end, now: end),
            deadlines: DeadlineReport(tickets: tickets, from: start, to: end, now: end),
            fees: FeeReport(tickets: tickets, catalogue: catalogue, from: start, to: end)
        )
    }

    /// Ticket 1's audit trail, its detail holding markup too.
    static let timeline = [
        TicketEvent(ticketID: 1, at: start.addingTimeInterval(2 * 86_400), kind: .opened, actor: "triage", detail: script),
        TicketEvent(ticketID: 1, at: start.addingTimeInterval(2 * 86_400 + 300), kind: .taken, actor: "ana", detail: "on it"),
    ]

    static func check(_ customer: String, _ site: String, _ name: String, _ spec: CheckSpec) -> Check {
        Check(
            targetID: "\(customer)/\(site)", customer: customer, name: name, spec: spec, interval: .seconds(60),
            timeout: .seconds(30), detection: .standard
        )
    }

    /// acme/www (http and tls): two hours down on day 3 and slower that day, six hours unknown
    /// on day 5. acme/shop (http): two hours of maintenance on day 1, nothing at all on day 6.
    /// globex/api (tcp): down all week, so no response time at all.
    static func checkPeriods() -> [CheckPeriod] {
        let url = URL(string: "https://www.acme.example/")!
        let www = check("acme", "www", "http", .http(HTTPCheckSpec(url: url)))
        let tls = check("acme", "www", "tls", .tls(TLSCheckSpec(url: url)))
        let shop = check("acme", "shop", "http", .http(HTTPCheckSpec(url: URL(string: "https://shop.acme.example/")!)))
        let api = check("globex", "api", "tcp", .tcp(TCPCheckSpec(host: "api.globex.example", port: 443)))
        return [
            CheckPeriod(check: www, rollups: hours(www) { day, hour in
                day == 3 && hour < 2 ? .down : day == 5 && hour < 6 ? .unknown : .up(day == 3 ? 0.9 : 0.1 + 0.02 * Double(day))
            }),
            CheckPeriod(check: tls, rollups: hours(tls) { _, _ in .up(0.05) }),
            CheckPeriod(check: shop, rollups: hours(shop) { day, hour in
                day == 6 ? nil : day == 1 && hour < 2 ? .maintenance : .up(0.3)
            }),
            CheckPeriod(check: api, rollups: hours(api) { _, _ in .down }),
        ]
    }

    enum HourState {
        case up(Double)
        case down
        case maintenance
        case unknown
    }

    /// A roll-up per hour of the week, as `state(day, hour)` says; nil leaves the hour out.
    static func hours(_ check: Check, _ state: (Int, Int) -> HourState?) -> [Rollup] {
        (0..<days * 24).compactMap { index in
            guard let hourState = state(index / 24, index % 24) else { return nil }
            var rollup = Rollup(checkID: check.id, start: start.addingTimeInterval(Double(index) * 3_600))
            switch hourState {
            case .up(let seconds):
                rollup.availability = Availability(up: 3_600)
                rollup.probes = 60
                for sample in 0..<60 { rollup.latency.record(seconds * (1 + Double(sample) / 60)) }
            case .down:
                rollup.availability = Availability(down: 3_600)
                rollup.probes = 60
                rollup.failures = 60
            case .maintenance:
                rollup.availability = Availability(maintenance: 3_600)
            case .unknown:
                rollup.availability = Availability(unknown: 3_600)
            }
            return rollup
        }
    }

    static let catalogue = Catalogue([
        CatalogueCase(id: "restore-database-backup", title: "Restore", code: .red, fee: .fixed(.major(40))),
        CatalogueCase(id: "pagespeed-optimisation", title: "PageSpeed", code: .green, fee: .onQuote),
        CatalogueCase(id: .siteDown, title: "Down", code: .red, fee: .free),
    ])

    /// Three RED (met and resolved with a fee, breached, moot), two YELLOW, one GREEN, no WHITE.
    static func tickets() -> [Ticket] {
        func at(_ hours: Double) -> Date { start.addingTimeInterval(hours * 3_600) }
        return [
            Ticket(
                id: 1, code: .red, status: .resolved, source: .probe, customer: "acme", targetID: "acme/www", checkID: "acme/www/http",
                caseID: .siteDown, summary: script, openedAt: at(72), deadline: at(72.25), takenAt: at(72.1), takenBy: "ana",
                resolvedAt: at(74), cause: .provider, surcharge: Money(minorUnits: 2_550)
            ),
            Ticket(
                id: 2, code: .red, status: .taken, source: .manual, customer: "acme", caseID: "restore-database-backup",
                summary: "restore the shop's database", openedAt: at(30), deadline: at(30.25), takenAt: at(31), takenBy: "bo"
            ),
            Ticket(
                id: 3, code: .red, status: .resolved, source: .probe, customer: "globex", caseID: .siteDown, summary: "api flapped",
                openedAt: at(100), deadline: at(100.25), resolvedAt: at(100.1)
            ),
            Ticket(
                id: 4, code: .yellow, status: .resolved, source: .manual, customer: "acme", caseID: "restore-database-backup",
                summary: "restore yesterday's backup", openedAt: at(10), deadline: at(34), takenAt: at(12), takenBy: "ana",
                resolvedAt: at(14), fee: .major(40)
            ),
            Ticket(
                id: 5, code: .yellow, status: .open, source: .inbound, customer: "globex", summary: "disk 85% full",
                openedAt: at(160), deadline: at(184)
            ),
            Ticket(
                id: 6, code: .green, status: .resolved, source: .manual, customer: "acme", caseID: "pagespeed-optimisation",
                summary: "faster pages", openedAt: at(20), deadline: at(116), takenAt: at(50), takenBy: "bo", resolvedAt: at(60)
            ),
        ]
    }
}
