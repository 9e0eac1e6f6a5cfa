import Foundation
import Logging
import PostgresStore
import SQLiteStore
import Testing
import TicketStore
@testable import TriageApp
import TriageCore
import TriageTesting

/// The same hand-built results, written the same way into SQLite and into PostgreSQL, give the
/// same uptime and response-time figures to the last bit: reports read roll-ups, results and
/// incidents through the store seam only, and each backend stores them exactly. Retention then
/// prunes the same results from both.
struct ReportAcrossStoresTests {
    /// On the hour.
    static let start = Rollup.hour(of: Date(timeIntervalSince1970: 1_800_000_000))
    /// Two days and five hours and a bit after the start: whole days, hours and an unsettled tail.
    static let now = start.addingTimeInterval(53 * 3600 + 1234)

    static func check(_ site: String, _ spec: CheckSpec) -> Check {
        Check(targetID: "acme/\(site)", customer: "acme", name: spec.kindName, spec: spec, interval: .seconds(60), timeout: .seconds(10), detection: .standard)
    }

    static let shop = check("shop", .http(HTTPCheckSpec(url: URL(string: "https://shop.example/")!)))
    static let www = check("www", .tls(TLSCheckSpec(url: URL(string: "https://www.example/")!)))

    /// A minute-by-minute history of both checks: the shop down in bursts and slow at times, a
    /// 20-minute gap in the www's results, odd sub-millisecond times.
    static func results() -> [ProbeResult] {
        (0..<(53 * 60 + 20)).flatMap { minute -> [ProbeResult] in
            let at = start.addingTimeInterval(Double(minute) * 60 + 0.25)
            let down = (minute / 11) % 9 == 0
            let slow = (minute / 13) % 7 == 0
            var shop = ProbeResult(
                checkID: Self.shop.id, startedAt: at, outcome: down ? .down : slow ? .degraded : .up,
                failure: down ? .serverError : nil, reason: "HTTP", statusCode: down ? 502 : 200,
                timings: PhaseTimings(total: slow ? 11.5 + Double(minute % 5) / 3 : 0.05 + Double(minute % 17) / 97)
            )
            if down { shop.timings.total = 0.003 }
            guard !(600..<620).contains(minute) else { return [shop] }
            let tls = ProbeResult(
                checkID: Self.www.id, startedAt: at.addingTimeInterval(0.5), outcome: .up, reason: "valid",
                timings: PhaseTimings(tls: 0.01, total: 0.02 + Double(minute % 7) / 1000),
                certificateExpiresAt: start.addingTimeInterval(40 * 86_400)
            )
            return [shop, tls]
        }
    }

    /// The uptime and response-time reports of the period, from `store` filled as the daemon
    /// fills it (batches of 500, an incident taken and resolved, roll-ups caught up), and how
    /// many results a one-day retention prunes afterwards.
    func figures(_ store: any SharedStore, clock: TestClock) async throws -> (UptimeReport, ResponseTimeReport, pruned: Int, kept: Int) {
        let results = Self.results()
        for batch in stride(from: 0, to: results.count, by: 500) {
            try await store.record(Array(results[batch..<min(batch + 500, results.count)]))
        }
        let plans = SupportPlans()
        let catalogue = Catalogue([CatalogueCase(id: .siteDown, title: "site down", code: .red, fee: .free)])
        let raised = try await store.raise(
            TicketStoreContract.finding(Self.shop.id, at: Self.start.addingTimeInterval(99 * 60)), plans: plans, reopenWithin: .zero
        )
        _ = try await store.apply(.take(overrideReason: nil), to: raised.ticket.id, by: "ana", at: Self.start.addingTimeInterval(100 * 60), plans: plans, catalogue: catalogue)
        _ = try await store.apply(
            .resolve(cause: .provider, note: "restarted", fee: nil, surcharge: nil), to: raised.ticket.id, by: "ana",
            at: Self.start.addingTimeInterval(111 * 60), plans: plans, catalogue: catalogue
        )
        let window = MaintenanceWindow(
            name: "upgrade", customer: "acme", schedule: .once(from: Self.start.addingTimeInterval(7200), to: Self.start.addingTimeInterval(9000))
        )
        let rollup = ResultRollup(store: store, checks: [Self.shop, Self.www], maintenance: MaintenanceCalendar([window]), clock: clock)
        #expect(try await rollup.catchUp() == 53)
        let reader = PeriodReader(rollup: rollup)
        let from = Self.start.addingTimeInterval(1800), to = Self.start.addingTimeInterval(3 * 86_400)
        let periods = try await reader.periods(from: from, to: to)
        let downtime = try await reader.downtime(of: try await store.tickets(TicketFilter(limit: .max)), from: from, to: to)
        let uptime = UptimeReport(checks: periods, downtime: downtime, from: from, to: to)
        let responseTimes = ResponseTimeReport(checks: periods, from: from, to: to)
        let before = try await store.results(checkID: Self.shop.id, from: .distantPast, to: .distantFuture).count
        await Retention(store: store, retention: .seconds(86_400), clock: clock, logger: Logger(label: "test")).prune()
        let kept = try await store.results(checkID: Self.shop.id, from: .distantPast, to: .distantFuture)
        #expect(kept.allSatisfy { $0.startedAt >= clock.now.addingTimeInterval(-86_400) })
        return (uptime, responseTimes, before - kept.count, kept.count)
    }

    @Test func sqliteAndPostgresGiveTheSameUptimeAndResponseTimeFigures() async throws {
        let clock = TestClock(now: Self.now)
        let sqlite = try SQLiteTicketStore(path: try TemporaryFolder().newDatabasePath(), clock: clock)
        try await sqlite.migrate()
        let embedded = try await figures(sqlite, clock: clock)
        let site = try #require(embedded.0.sites.first { $0.targetID == "acme/shop" })
        #expect(site.uptime.map { $0 > 0.8 && $0 < 0.95 } == true, "outages counted: \(String(describing: site.uptime))")
        #expect(site.downtimeByCause.map(\.cause).contains("provider"))
        #expect(site.availability.maintenance > 0, "\(site.availability)")
        #expect(site.availability.degraded > 0, "\(site.availability)")
        #expect(embedded.0.sites.first { $0.targetID == "acme/www" }.map { $0.availability.unknown > 0 } == true, "the gap")
        #expect(embedded.pruned > 0 && embedded.kept > 0)
        try await ScratchDatabase.with { url in
            try await ScratchDatabase.withStore(url, clock: clock) { postgres in
                let shared = try await figures(postgres, clock: clock)
                #expect(shared.0 == embedded.0, "uptime figures")
                #expect(shared.1 == embedded.1, "response-time figures")
                #expect(shared.pruned == embedded.pruned && shared.kept == embedded.kept, "retention")
            }
        }
    }
}
