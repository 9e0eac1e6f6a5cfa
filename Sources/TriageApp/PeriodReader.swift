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

        /// The partial hours at the start, read from the results; nil when the period starts on the hour.
        var head: Range<Date>? { from < rolledStart ? from..<rolledStart : nil }

        /// The partial hour at the end and the hours after the watermark, read from the results.
        var tail: Range<Date>? { rolledEnd < end ? rolledEnd..<end : nil }

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

    /// The hours of a plan's partial edges (its head and tail), folded from the results.
    struct Edges: Sendable {
        var head: [Rollup] = []
        var tail: [Rollup] = []
    }

    /// The check's roll-ups covering the plan's span exactly, each part read the cheapest way, the
    /// edges read on their own.
    func rollups(of check: Check, _ plan: Plan) async throws -> [Rollup] {
        var edges = Edges()
        if let head = plan.head { edges.head = try await rollup.hours(of: check, from: head.lowerBound, to: head.upperBound) }
        if let tail = plan.tail { edges.tail = try await rollup.hours(of: check, from: tail.lowerBound, to: tail.upperBound) }
        return try await rollups(of: check, plan, edges: edges)
    }

    /// The check's roll-ups covering the plan's span exactly: the `edges` given (read alone or in a
    /// batch), the whole hours and days between them from the stored roll-ups.
    func rollups(of check: Check, _ plan: Plan, edges: Edges) async throws -> [Rollup] {
        var rollups = edges.head
        rollups += try await stored(check, .hour, plan.rolledStart, plan.daysStart)
        if plan.daysStart < plan.daysEnd { rollups += try await stored(check, .day, plan.daysStart, plan.daysEnd) }
        rollups += try await stored(check, .hour, plan.daysEnd, plan.rolledEnd)
        return rollups + edges.tail
    }

    private func stored(_ check: Check, _ span: Rollup.Span, _ from: Date, _ to: Date) async throws -> [Rollup] {
        guard from < to else { return [] }
        let stored = try await rollup.store.rollups(checkID: check.id, span: span, from: from, to: to)
        return Rollup.filled(stored, checkID: check.id, span: span, from: from, to: to)
    }
}
