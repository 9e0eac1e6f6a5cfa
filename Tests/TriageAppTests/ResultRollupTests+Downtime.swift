import Foundation
import Testing
@testable import TriageApp
import TriageCore
import TriageTesting

/// The incidents' down time with their edge hours read in batches: each incident gets, to the
/// bit, the seconds it gets read alone as a period is.
extension ResultRollupTests {
    /// 150 incidents of two checks over two days and five hours (one check in a maintenance
    /// window), inside one hour, across hour and day boundaries, overlapping (a check's later
    /// incident counts from where the earlier one ends), still open after the watermark, cut by
    /// the period, on a check not configured: their edges read in several small batches.
    @Test func batchedEdgeReadsGiveEveryIncidentTheDownTimeItGetsReadAlone() async throws {
        let clock = TestClock(now: Self.start.addingTimeInterval(53 * 3600 + 1234))
        let store = try await store(clock)
        let shop = check("shop"), blog = check("blog")
        try await store.record(history(of: shop, minutes: 53 * 60 + 20) { ($0 / 7) % 5 == 0 })
        try await store.record(history(of: blog, minutes: 53 * 60 + 20) { ($0 / 3) % 4 == 1 || (900..<1000).contains($0) })
        let window = MaintenanceWindow(
            name: "upgrade", customer: "acme", schedule: .once(from: Self.start.addingTimeInterval(7200), to: Self.start.addingTimeInterval(9000))
        )
        let rollup = ResultRollup(store: store, checks: [shop, blog], maintenance: MaintenanceCalendar([window]), clock: clock)
        try await rollup.catchUp()
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func incident(_ id: Int, _ check: Check, opened: Double, length: Double?) -> Ticket {
            Ticket(
                id: Int64(id), code: .red, status: length == nil ? .open : .resolved, source: .probe, customer: "acme",
                checkID: check.id, summary: "down", openedAt: Self.start.addingTimeInterval(opened),
                deadline: Self.start.addingTimeInterval(opened + 900), resolvedAt: length.map { Self.start.addingTimeInterval(opened + $0) },
                cause: length == nil ? nil : .provider
            )
        }
        let random = (1...150).map { id in
            let length = [Double(next(1800)), Double(next(3 * 3600)), Double(next(30 * 3600))][next(3)]
            return incident(id, [shop, blog][next(2)], opened: Double(next(53 * 3600)) + 0.25, length: id % 10 == 0 ? nil : length)
        }
        let tickets = random + [
            incident(151, check("other"), opened: 3600, length: 600),            // a check not configured: left out
            incident(152, shop, opened: 360, length: 7200),                       // cut by the period's start
            incident(153, blog, opened: 14 * 3600 + 0.25, length: 30 * 3600),    // a whole day between its hours
            incident(154, shop, opened: 50.5 * 3600, length: nil),                // stored hours, then the tail after the watermark
        ]
        let reader = PeriodReader(rollup: rollup)
        let from = Self.start.addingTimeInterval(1800), to = Self.start.addingTimeInterval(3 * 86_400)
        let batch = 2
        let batched = Array(try await reader.downtime(of: tickets, from: from, to: to, edgeBatch: batch).values.joined())

        let watermark = try #require(try await store.rollupWatermark())
        let configured = Set([shop.id, blog.id])
        let spans = IncidentDowntime.spans(of: tickets, from: from, to: to, now: clock.now).filter { configured.contains($0.checkID) }
        let plans = spans.map { PeriodReader.Plan(from: $0.from, end: $0.to, watermark: watermark) }
        var alone: [Int64: Double] = [:]
        for (span, plan) in zip(spans, plans) {
            let hours = try await reader.rollups(of: span.checkID == shop.id ? shop : blog, plan)
            alone[span.ticketID] = hours.reduce(0) { $0 + $1.availability.down }
        }
        let edges = plans.map { ($0.head == nil ? 0 : 1) + ($0.tail == nil ? 0 : 1) }.reduce(0, +)
        #expect(edges > 3 * batch, "the edges take several batches: \(edges)")
        #expect(plans.contains { $0.rolledEnd < $0.end && $0.end > watermark }, "a tail after the watermark")
        #expect(plans.contains { $0.daysStart < $0.daysEnd }, "a whole day between an incident's hours")
        #expect(!batched.contains { $0.ticketID == 151 } && batched.count == spans.count, "the check not configured is left out")
        #expect(Dictionary(uniqueKeysWithValues: batched.map { ($0.ticketID, $0.seconds) }) == alone)
        #expect(alone.values.filter { $0 > 0 }.count > spans.count / 2, "most incidents saw down time: \(alone)")
    }
}
