import Foundation
import TicketStore
import TriageCore

/// Reads what the uptime and response-time reports need from the store: each check's hours over
/// the period, from the roll-ups up to the watermark and from the results after it (the last
/// hour or so, not rolled up yet), and the down time each incident covered.
///
/// Time after `now` is not counted at all: a report for this month, read today, weighs the days
/// so far. One check is read and folded at a time, so memory holds one check's hours, not the
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
        let end = min(to, rollup.clock.now)
        let watermark = try await rollup.store.rollupWatermark() ?? from
        // Whole hours below the watermark come from the roll-ups; the partial hours at either
        // edge of the period, and the hours after the watermark, from the results.
        let rolledStart = min(Self.ceilingHour(of: from), end)
        let rolledEnd = max(rolledStart, min(watermark, HourRollup.hour(of: end)))
        var periods: [CheckPeriod] = []
        for (index, check) in rollup.checks.enumerated() {
            var hours: [HourRollup] = []
            if from < rolledStart { hours += try await rollup.hours(of: check, from: from, to: rolledStart) }
            if rolledStart < rolledEnd {
                let stored = try await rollup.store.rollups(checkID: check.id, from: rolledStart, to: rolledEnd)
                hours += Self.everyHour(of: stored, checkID: check.id, from: rolledStart, to: rolledEnd)
            }
            if rolledEnd < end { hours += try await rollup.hours(of: check, from: rolledEnd, to: end) }
            periods.append(CheckPeriod(check: check, hours: hours))
            progress?(index + 1, rollup.checks.count)
        }
        return periods
    }

    /// `stored` with the hours it lacks added as unknown: hours before the first roll-up, or
    /// before the check was configured, have no row, and are no less part of the period.
    static func everyHour(of stored: [HourRollup], checkID: String, from: Date, to: Date) -> [HourRollup] {
        let count = Int(to.timeIntervalSince(from) / 3600)
        guard stored.count < count else { return stored }
        let byHour = Dictionary(stored.map { ($0.hour, $0) }, uniquingKeysWith: { first, _ in first })
        return (0..<count).map { index in
            let hour = from.addingTimeInterval(Double(index) * 3600)
            return byHour[hour] ?? HourRollup(checkID: checkID, hour: hour, availability: Availability(unknown: 3600))
        }
    }

    static func ceilingHour(of instant: Date) -> Date {
        let hour = HourRollup.hour(of: instant)
        return hour == instant ? hour : hour.addingTimeInterval(3600)
    }

    /// The down time of each incident of `tickets` within `[from, to)`, per check, measured on
    /// the check's results (incidents are few, and their edges need the results' precision).
    public func downtime(of tickets: [Ticket], from: Date, to: Date) async throws -> [String: [IncidentDowntime.Share]] {
        let checks = Dictionary(rollup.checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var shares: [String: [IncidentDowntime.Share]] = [:]
        for span in IncidentDowntime.spans(of: tickets, from: from, to: to, now: rollup.clock.now) {
            guard let check = checks[span.checkID] else { continue }
            let hours = try await rollup.hours(of: check, from: span.from, to: span.to)
            let down = hours.reduce(0) { $0 + $1.availability.down }
            shares[span.checkID, default: []].append(IncidentDowntime.Share(ticketID: span.ticketID, cause: span.cause, seconds: down))
        }
        return shares
    }
}
