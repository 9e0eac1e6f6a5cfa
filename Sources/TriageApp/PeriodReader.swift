import Foundation
import TicketStore
import TriageCore

/// Reads what the uptime and response-time reports need from the store: each check's days and
/// hours over the period, from the roll-ups up to the watermark and from the results after it
/// (the last hour or so, not rolled up yet), and the down time each incident covered.
///
/// Time after `now` is not counted at all: a report for this month, read today, weighs the days
/// so far. One check is read and folded at a time, so memory holds one check's roll-ups, not the
/// period's.
public struct PeriodReader: Sendable {
    let rollup: ResultRollup

    public init(rollup: ResultRollup) {
        self.rollup = rollup
    }

    /// Every check's period within `[from, to)`, in configuration order.
    ///
    /// - Parameter progress: told after each check how many are done out of how many.
    public func periods(
        from: Date, to: Date, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) async throws -> [CheckPeriod] {
        let plan = Plan(from: from, end: min(to, rollup.clock.now), watermark: try await rollup.store.rollupWatermark() ?? from)
        let checks = rollup.checks
        return try await BoundedConcurrency.map(checks.count, progress: progress) { index in try await period(of: checks[index], plan) }
    }

    /// How a period is read: the partial hours at either edge and the hours after the watermark
    /// from the results; the whole hours before the first midnight and after the last one from
    /// hour roll-ups; the whole days between from day roll-ups.
    struct Plan {
        var from, rolledStart, daysStart, daysEnd, rolledEnd, end: Date

        init(from: Date, end: Date, watermark: Date) {
            self.from = from
            self.end = end
            rolledStart = min(Self.ceiling(of: from, span: .hour), end)
            rolledEnd = max(rolledStart, min(watermark, Rollup.hour(of: end)))
            daysStart = min(Self.ceiling(of: rolledStart, span: .day), rolledEnd)
            daysEnd = max(daysStart, Rollup.day(of: rolledEnd))
        }

        static func ceiling(of instant: Date, span: Rollup.Span) -> Date {
            let floor = span == .hour ? Rollup.hour(of: instant) : Rollup.day(of: instant)
            return floor == instant ? floor : floor.addingTimeInterval(span.seconds)
        }
    }

    private func period(of check: Check, _ plan: Plan) async throws -> CheckPeriod {
        let candidates = plan.daysStart < plan.daysEnd
            ? try await rollup.store.slowestHours(checkID: check.id, from: plan.daysStart, to: plan.daysEnd, limit: 3) : []
        return CheckPeriod(check: check, rollups: try await rollups(of: check, plan), candidateHours: candidates)
    }

    /// The check's roll-ups covering the plan's span exactly, each part read the cheapest way.
    private func rollups(of check: Check, _ plan: Plan) async throws -> [Rollup] {
        var rollups: [Rollup] = []
        if plan.from < plan.rolledStart { rollups += try await rollup.hours(of: check, from: plan.from, to: plan.rolledStart) }
        rollups += try await stored(check, .hour, plan.rolledStart, plan.daysStart)
        if plan.daysStart < plan.daysEnd { rollups += try await stored(check, .day, plan.daysStart, plan.daysEnd) }
        rollups += try await stored(check, .hour, plan.daysEnd, plan.rolledEnd)
        if plan.rolledEnd < plan.end { rollups += try await rollup.hours(of: check, from: plan.rolledEnd, to: plan.end) }
        return rollups
    }

    private func stored(_ check: Check, _ span: Rollup.Span, _ from: Date, _ to: Date) async throws -> [Rollup] {
        guard from < to else { return [] }
        let stored = try await rollup.store.rollups(checkID: check.id, span: span, from: from, to: to)
        return Rollup.filled(stored, checkID: check.id, span: span, from: from, to: to)
    }

    /// The down time of each incident of `tickets` within `[from, to)`, per check, read as a
    /// period is: the incident's partial hours from the check's results (its edges need their
    /// precision), its whole hours and days from the roll-ups.
    public func downtime(of tickets: [Ticket], from: Date, to: Date) async throws -> [String: [IncidentDowntime.Share]] {
        let checks = Dictionary(rollup.checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let spans = IncidentDowntime.spans(of: tickets, from: from, to: to, now: rollup.clock.now).filter { checks[$0.checkID] != nil }
        let watermark = try await rollup.store.rollupWatermark()
        let measured = try await BoundedConcurrency.map(spans.count) { index in
            let span = spans[index]
            let plan = Plan(from: span.from, end: span.to, watermark: watermark ?? span.from)
            let hours = try await rollups(of: checks[span.checkID]!, plan)
            return IncidentDowntime.Share(ticketID: span.ticketID, cause: span.cause, seconds: hours.reduce(0) { $0 + $1.availability.down })
        }
        var shares: [String: [IncidentDowntime.Share]] = [:]
        for (span, share) in zip(spans, measured) { shares[span.checkID, default: []].append(share) }
        return shares
    }
}
