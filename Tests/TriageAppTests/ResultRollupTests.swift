import Foundation
import SQLiteStore
import Testing
import TicketStore
@testable import TriageApp
import TriageCore
import TriageTesting

/// The daemon's roll-ups on a real SQLite store, with a test clock: what they roll up and when,
/// and that a report read from them gives the figures a report read from every result gives.
struct ResultRollupTests {
    /// On the hour.
    static let start = Rollup.hour(of: Date(timeIntervalSince1970: 1_800_000_000))

    func check(_ site: String) -> Check {
        Check(
            targetID: "acme/\(site)", customer: "acme", name: "http",
            spec: .http(HTTPCheckSpec(url: URL(string: "https://\(site).example/")!)), interval: .seconds(60),
            timeout: .seconds(10), detection: .standard
        )
    }

    /// A minute-by-minute history of `minutes`, down on the minutes `down` picks, with varied times and a gap.
    func history(of check: Check, minutes: Int, down: (Int) -> Bool) -> [ProbeResult] {
        (0..<minutes).filter { !(300..<320).contains($0) }.map { minute in
            ProbeResult(
                checkID: check.id, startedAt: Self.start.addingTimeInterval(Double(minute) * 60 + 0.5),
                outcome: down(minute) ? .down : .up, failure: down(minute) ? .serverError : nil, reason: "HTTP",
                timings: PhaseTimings(total: 0.05 + Double(minute % 17) / 100)
            )
        }
    }

    func store(_ clock: TestClock) async throws -> SQLiteTicketStore {
        let store = try SQLiteTicketStore(path: try TemporaryFolder().newDatabasePath(), clock: clock)
        try await store.migrate()
        return store
    }

    @Test func settledHoursAreRolledUpOnceForEveryCheckEvenWithoutResults() async throws {
        let clock = TestClock(now: Self.start.addingTimeInterval(3 * 3600 + 300))
        let store = try await store(clock)
        let shop = check("shop"), idle = check("idle")
        try await store.record(history(of: shop, minutes: 180) { $0 % 10 == 0 })
        let rollup = ResultRollup(store: store, checks: [shop, idle], maintenance: MaintenanceCalendar(), clock: clock)
        #expect(try await rollup.catchUp() == 2, "the third hour ended 5 minutes ago, less than the 10 it settles for")
        #expect(try await store.rollupWatermark() == Self.start.addingTimeInterval(2 * 3600))
        let idleHours = try await store.rollups(checkID: idle.id, span: .hour, from: Self.start, to: clock.now)
        #expect(idleHours.map(\.availability) == [Availability(unknown: 3600), Availability(unknown: 3600)])
        let shopHours = try await store.rollups(checkID: shop.id, span: .hour, from: Self.start, to: clock.now)
        #expect(shopHours.map(\.probes) == [60, 60])
        #expect(shopHours.map(\.failures) == [6, 6])
        #expect(shopHours[0].availability.unknown == 0.5, "the first half second, before the first result")
        #expect(try await rollup.catchUp() == 0, "nothing new has settled")
        clock.advance(by: .seconds(600))
        #expect(try await rollup.catchUp() == 1)
    }

    /// Two days and ten hours of results from 08:00: the report reads the first day's hours, the
    /// whole second day from its day row, the third day's rolled-up hours and its last unsettled
    /// minutes from the results, and agrees with a report folded from every result's hour.
    @Test func aReportFromRollUpsAndTheUnsettledTailEqualsOneFromEveryResult() async throws {
        let clock = TestClock(now: Self.start.addingTimeInterval(58 * 3600 + 1234))
        let store = try await store(clock)
        let shop = check("shop")
        let results = history(of: shop, minutes: 58 * 60 + 20) { ($0 / 7) % 5 == 0 }
        try await store.record(results)
        let window = MaintenanceWindow(
            name: "upgrade", customer: "acme", schedule: .once(from: Self.start.addingTimeInterval(7200), to: Self.start.addingTimeInterval(9000))
        )
        let rollup = ResultRollup(store: store, checks: [shop], maintenance: MaintenanceCalendar([window]), clock: clock)
        #expect(try await rollup.catchUp() == 58, "10:20 on the third day: the hour that ended at 10:00 has settled")
        let secondDay = Rollup.day(of: Self.start).addingTimeInterval(86_400)
        let days = try await store.rollups(checkID: shop.id, span: .day, from: Rollup.day(of: Self.start), to: clock.now)
        #expect(days.map(\.start) == [Rollup.day(of: Self.start), secondDay], "a day row for each day completed, the first one partly unknown")
        let unknownOfFirstDay: Double = 8 * 3600 + 0.5 + 19 * 60
        #expect(days.first?.availability.unknown == unknownOfFirstDay, "the hours before the first result, and the gap")
        let from = Self.start.addingTimeInterval(1800), to = Self.start.addingTimeInterval(3 * 86_400)
        let read = try #require(try await PeriodReader(rollup: rollup).periods(from: from, to: to).first)

        let everything = rollup.timeline(of: shop).hours(
            results: results.filter { $0.startedAt >= from }, previous: results.last { $0.startedAt < from }, from: from, to: clock.now
        )
        let expected = CheckPeriod(check: shop, rollups: everything)
        #expect(read.days.map(\.day) == expected.days.map(\.day))
        #expect(read.days.map(\.latency) == expected.days.map(\.latency))
        #expect(read.latency == expected.latency && read.slowestHours == expected.slowestHours)
        #expect(read.probes == expected.probes && read.failures == expected.failures)
        for (got, want) in zip(read.days.map(\.availability) + [read.availability], expected.days.map(\.availability) + [expected.availability]) {
            #expect(abs(got.up - want.up) < 1e-6 && abs(got.down - want.down) < 1e-6 && abs(got.unknown - want.unknown) < 1e-6)
            #expect(abs(got.maintenance - want.maintenance) < 1e-6 && got.degraded == want.degraded)
        }
        let time = read.availability
        #expect(abs(time.up + time.degraded + time.down + time.maintenance + time.unknown - clock.now.timeIntervalSince(from)) < 0.001,
                "every second up to now is counted once, none after")
        #expect(abs(time.maintenance - 1800) <= 60, "the window's edges are exact to one interval")
        #expect(time.unknown == 19 * 60, "from 2 minutes after the last result before the 20-minute gap (its standing limit) to the next")
    }

    @Test func downTimeIsPutDownToTheCauseOfTheIncidentCoveringIt() async throws {
        let clock = TestClock(now: Self.start.addingTimeInterval(4 * 3600))
        let store = try await store(clock)
        let shop = check("shop")
        try await store.record(history(of: shop, minutes: 240) { (60..<90).contains($0) || (200..<210).contains($0) })
        let raised = try await store.raise(
            Finding(
                kind: .down, checkID: shop.id, targetID: shop.targetID, customer: shop.customer,
                detectedAt: Self.start.addingTimeInterval(3600), summary: "shop is down", evidence: ["HTTP 502"]
            ),
            plans: SupportPlans(), reopenWithin: .seconds(0)
        )
        let catalogue = Catalogue([CatalogueCase(id: .siteDown, title: "site down", code: .red, fee: .free)])
        _ = try await store.apply(
            .take(overrideReason: nil), to: raised.ticket.id, by: "ana", at: Self.start.addingTimeInterval(3700),
            plans: SupportPlans(), catalogue: catalogue
        )
        _ = try await store.apply(
            .resolve(cause: .thirdParty, note: "fixed", fee: nil, surcharge: nil), to: raised.ticket.id, by: "ana",
            at: Self.start.addingTimeInterval(5400), plans: SupportPlans(), catalogue: catalogue
        )
        let rollup = ResultRollup(store: store, checks: [shop], maintenance: MaintenanceCalendar(), clock: clock)
        let reader = PeriodReader(rollup: rollup)
        let to = Self.start.addingTimeInterval(4 * 3600)
        let downtime = try await reader.downtime(of: try await store.tickets(TicketFilter(limit: .max)), from: Self.start, to: to)
        #expect(downtime[shop.id]?.map(\.cause) == ["third-party"])
        #expect(downtime[shop.id]?.map(\.seconds) == [1799.5], "minutes 60 to 90 were down, from the result 0.5 s after the opening")
        let report = UptimeReport(checks: try await reader.periods(from: Self.start, to: to), downtime: downtime, from: Self.start, to: to)
        #expect(report.sites[0].downtimeByCause.map(\.cause) == [IncidentDowntime.noIncident, "third-party"])
        #expect(report.sites[0].downtimeByCause.map(\.seconds) == [600.5, 1799.5], "the last down result stood 0.5 s past the resolution")
    }
}
