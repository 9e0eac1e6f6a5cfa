import Foundation
import Testing
import TriageCore

/// How results weigh time: known answers for standing, gaps, hours, maintenance and the reports built on them.
struct AvailabilityTimelineTests {
    /// 2027-01-15 08:00 UTC, on the hour.
    let start = Date(timeIntervalSince1970: 1_800_000_000 - 1_800_000_000.truncatingRemainder(dividingBy: 3600))

    func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }

    func result(_ seconds: Double, _ outcome: ProbeOutcome, total: Double = 0.2) -> ProbeResult {
        ProbeResult(
            checkID: "acme/shop/http", startedAt: at(seconds), outcome: outcome, failure: outcome == .down ? .timeout : nil,
            reason: outcome.rawValue, timings: PhaseTimings(total: total)
        )
    }

    let timeline = AvailabilityTimeline(checkID: "acme/shop/http", standingLimit: .seconds(120))

    @Test func eachResultStandsUntilTheNext() {
        let results = [result(0, .up), result(60, .down), result(120, .degraded), result(180, .up)]
        let time = timeline.availability(results: results, previous: nil, from: at(0), to: at(240))
        #expect(time == Availability(up: 120, degraded: 60, down: 60))
        #expect(time.uptime == 0.75)
    }

    @Test func aGapLongerThanTheStandingLimitIsUnknownNotUp() {
        let results = [result(0, .up), result(600, .up)]
        let time = timeline.availability(results: results, previous: nil, from: at(0), to: at(660))
        #expect(time == Availability(up: 180, unknown: 480))
        #expect(time.uptime == 1)
    }

    @Test func theResultBeforeTheRangeStandsAtItsStart() {
        let previous = result(-30, .down)
        let time = timeline.availability(results: [result(60, .up)], previous: previous, from: at(0), to: at(120))
        #expect(time == Availability(up: 60, down: 60), "the down result covers 0..60 (it started 30 s before)")
        let stale = timeline.availability(results: [], previous: result(-600, .up), from: at(0), to: at(60))
        #expect(stale == Availability(unknown: 60))
    }

    @Test func aRangeWithoutAnyResultIsAllUnknownAndHasNoUptime() {
        let hours = timeline.hours(results: [], previous: nil, from: at(0), to: at(2 * 3600))
        #expect(hours.count == 2)
        #expect(hours.allSatisfy { $0.availability == Availability(unknown: 3600) && $0.probes == 0 })
        #expect(hours.reduce(Availability()) { $0 + $1.availability }.uptime == nil)
    }

    @Test func timeIsCutAtHourBoundariesAndProbesCountedInTheirHour() throws {
        let results = [result(3540, .up, total: 0.1), result(3600, .down), result(3660, .up, total: 0.3)]
        let hours = timeline.hours(results: results, previous: nil, from: at(3000), to: at(3720))
        #expect(hours.count == 2)
        #expect(hours[0].start == at(0) && hours[1].start == at(3600))
        #expect(hours[0].availability == Availability(up: 60, unknown: 540))
        #expect(hours[1].availability == Availability(up: 60, down: 60))
        #expect(hours[1].probes == 2 && hours[1].failures == 1)
        #expect(hours[1].latency.total == 1, "a failure's time is not a response time")
        #expect(try #require(hours[0].latency.percentile(0.5)) < 0.11)
    }

    @Test func maintenanceTakesItsTimeWhateverTheProbesSaw() {
        let window = DateInterval(start: at(60), end: at(180))
        let planned = AvailabilityTimeline(checkID: "acme/shop/http", standingLimit: .seconds(120)) { window.contains($0) && $0 < window.end }
        let results = (0..<4).map { result(Double($0) * 60, $0 == 0 ? .up : .down) }
        let time = planned.availability(results: results, previous: nil, from: at(0), to: at(240))
        #expect(time == Availability(up: 60, down: 60, maintenance: 120))
        #expect(time.uptime == 0.5)
    }

    @Test func incidentsCoverTheirCheckFromOpeningToResolutionCutToThePeriodWithoutOverlap() {
        func incident(_ id: Int64, opened: Double, resolved: Double?, cause: Cause?) -> Ticket {
            Ticket(
                id: id, code: .red, status: resolved == nil ? .open : .resolved, source: .probe, customer: "acme",
                checkID: "acme/shop/http", summary: "down", openedAt: at(opened), deadline: at(opened + 900),
                resolvedAt: resolved.map(at), cause: cause
            )
        }
        let tickets = [
            incident(1, opened: -600, resolved: 600, cause: .provider),   // cut by the period's start
            incident(2, opened: 300, resolved: 900, cause: .customer),    // overlaps the first: keeps 600..900
            incident(3, opened: 3000, resolved: nil, cause: nil),         // still open: cut by the period's end
        ]
        let spans = IncidentDowntime.spans(of: tickets, from: at(0), to: at(3600), now: at(7200))
        #expect(spans.map(\.ticketID) == [1, 2, 3])
        #expect(spans.map { $0.from.timeIntervalSince(start) } == [0, 600, 3000])
        #expect(spans.map { $0.to.timeIntervalSince(start) } == [600, 900, 3600])
        #expect(spans.map(\.cause) == ["provider", "customer", IncidentDowntime.unrecorded])
    }
}
