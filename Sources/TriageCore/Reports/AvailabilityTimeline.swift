import Foundation

/// Folds one check's results, oldest first, into the hours of a time range: the one place that
/// decides how long a result stands, what is unknown and what is maintenance, used both by the
/// daemon's roll-ups and by reports over the minutes not rolled up yet.
///
/// A result stands from its start until the next result, but for at most `standingLimit` (twice
/// the check's interval, see `standingLimit(for:)`): a probe that stopped running leaves unknown
/// time behind it, not the last outcome forever. Whether a piece of time is in maintenance is
/// decided at the piece's start (pieces end at each result and each hour), so a window's edges
/// are exact to one probe interval.
public struct AvailabilityTimeline: Sendable {
    public var checkID: String
    public var standingLimit: Duration
    /// Whether a planned maintenance window covers the check at an instant; nil when none can.
    public var maintenance: (@Sendable (Date) -> Bool)?

    public init(checkID: String, standingLimit: Duration, maintenance: (@Sendable (Date) -> Bool)? = nil) {
        self.checkID = checkID
        self.standingLimit = standingLimit
        self.maintenance = maintenance
    }

    /// How long a result of `check` stands without a successor: two intervals, so one late or
    /// lost probe leaves no hole, but a stopped one does.
    public static func standingLimit(for check: Check) -> Duration {
        check.interval * 2
    }

    /// The hours of `[from, to)` that this check's `results` (oldest first, all inside the range)
    /// and the last result before the range (`previous`) describe, in order; every hour of the
    /// range is there, even one without results (all unknown). Hours are cut to the range.
    public func hours(results: [ProbeResult], previous: ProbeResult?, from: Date, to: Date) -> [Rollup] {
        guard from < to else { return [] }
        let firstHour = Rollup.hour(of: from)
        let count = Int((to.timeIntervalSince(firstHour) / 3600).rounded(.up))
        var hours = (0..<count).map { Rollup(checkID: checkID, start: firstHour.addingTimeInterval(Double($0) * 3600)) }
        var standing = previous
        var cursor = from
        for result in results where from <= result.startedAt && result.startedAt < to {
            attribute(from: cursor, to: result.startedAt, standing: standing, into: &hours, firstHour: firstHour)
            let index = Int(result.startedAt.timeIntervalSince(firstHour) / 3600)
            hours[index].probes += 1
            if result.outcome == .down {
                hours[index].failures += 1
            } else if result.timings.total > 0 {
                hours[index].latency.record(result.timings.total)
            }
            standing = result
            cursor = result.startedAt
        }
        attribute(from: cursor, to: to, standing: standing, into: &hours, firstHour: firstHour)
        return hours
    }

    /// The time of `[from, to)` summed over its hours.
    public func availability(results: [ProbeResult], previous: ProbeResult?, from: Date, to: Date) -> Availability {
        hours(results: results, previous: previous, from: from, to: to).reduce(Availability()) { $0 + $1.availability }
    }

    /// Gives `[start, end)` to the standing result's outcome while it stands, and the rest to unknown.
    private func attribute(from start: Date, to end: Date, standing: ProbeResult?, into hours: inout [Rollup], firstHour: Date) {
        guard start < end else { return }
        var knownEnd = start
        if let standing {
            knownEnd = min(end, max(start, standing.startedAt.adding(standingLimit)))
            spread(from: start, to: knownEnd, as: standing.outcome, into: &hours, firstHour: firstHour)
        }
        spread(from: knownEnd, to: end, as: nil, into: &hours, firstHour: firstHour)
    }

    /// Adds `[start, end)` to the hours it crosses, as `outcome` (nil: unknown) or maintenance.
    private func spread(from start: Date, to end: Date, as outcome: ProbeOutcome?, into hours: inout [Rollup], firstHour: Date) {
        var pieceStart = start
        while pieceStart < end {
            let index = Int(pieceStart.timeIntervalSince(firstHour) / 3600)
            let pieceEnd = min(end, hours[index].end)
            let seconds = pieceEnd.timeIntervalSince(pieceStart)
            if maintenance?(pieceStart) == true {
                hours[index].availability.maintenance += seconds
            } else if let outcome {
                hours[index].availability.add(seconds, as: outcome)
            } else {
                hours[index].availability.unknown += seconds
            }
            pieceStart = pieceEnd
        }
    }
}
