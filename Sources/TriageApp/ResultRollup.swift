import Foundation
import Logging
import TicketStore
import TriageCore

/// Rolls the stored probe results up into hours and days, from the store's watermark to the last
/// hour that has settled, at most a UTC day per transaction: the daemon runs it every few
/// minutes, and a report runs it first so it reads days and hours, not results, whatever the
/// daemon managed. A day's row is written with the hour that completes it, from its hours.
///
/// An hour is rolled up once it ended `settle` ago, so the results of probes still running at
/// its end (a slow mail round trip) are stored by then; a result stored later than that is kept
/// but misses the roll-up. Every configured check gets every hour, even one without results
/// (all unknown), so reports see gaps as unknown, not as missing rows.
public struct ResultRollup: Sendable {
    let store: any SharedStore
    let checks: [Check]
    let maintenance: MaintenanceCalendar
    let clock: any TriageClock
    let settle: Duration

    public init(
        store: any SharedStore, checks: [Check], maintenance: MaintenanceCalendar, clock: any TriageClock,
        settle: Duration = .seconds(600)
    ) {
        self.store = store
        self.checks = checks
        self.maintenance = maintenance
        self.clock = clock
        self.settle = settle
    }

    /// The last instant rolled up once `catchUp` is done: the start of the hour that ended `settle` ago.
    public var settledEnd: Date {
        Rollup.hour(of: clock.now.adding(.zero - settle))
    }

    /// Rolls up every settled hour after the watermark; returns how many hours were rolled up.
    ///
    /// - Parameter progress: told after each chunk how many hours are done out of how many.
    @discardableResult
    public func catchUp(progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) async throws -> Int {
        let watermark = try await store.rollupWatermark()
        guard let firstStart = try await start(after: watermark) else { return 0 }
        let end = settledEnd
        let total = max(0, Int(end.timeIntervalSince(firstStart) / 3600))
        var start = firstStart
        var expected = watermark
        var done = 0
        while start < end {
            let day = Rollup.day(of: start)
            let stop = min(day.addingTimeInterval(Rollup.Span.day.seconds), end)
            var rollups: [Rollup] = []
            for check in checks {
                let hours = try await self.hours(of: check, from: start, to: stop)
                rollups += hours
                if stop == day.addingTimeInterval(Rollup.Span.day.seconds) {
                    let earlier = day < start ? try await store.rollups(checkID: check.id, span: .hour, from: day, to: start) : []
                    let whole = Rollup.filled(earlier, checkID: check.id, span: .hour, from: day, to: start) + hours
                    rollups.append(Rollup(checkID: check.id, day: day, hours: whole))
                }
            }
            // Another roll-up (a report, the daemon) moved the watermark first: its roll-ups stand.
            guard try await store.saveRollups(rollups, from: expected, to: stop) else { return done }
            done += Int(stop.timeIntervalSince(start) / 3600)
            progress?(done, total)
            expected = stop
            start = stop
        }
        return done
    }

    /// One check's hours of `[from, to)`, from its stored results and the one standing at `from`.
    /// One read serves both: the results from a standing limit before `from` hold the one still
    /// standing at `from`, and an older one would not stand there anyway.
    func hours(of check: Check, from: Date, to: Date) async throws -> [Rollup] {
        let range = resultRange(of: check, from: from, to: to)
        return hours(of: check, read: try await store.results(checkID: range.checkID, from: range.from, to: range.to), from: from, to: to)
    }

    /// The results the hours of `[from, to)` are folded from: those of the range and of the
    /// standing limit before it.
    func resultRange(of check: Check, from: Date, to: Date) -> ResultRange {
        ResultRange(checkID: check.id, from: from.adding(.zero - AvailabilityTimeline.standingLimit(for: check)), to: to)
    }

    /// The hours of `[from, to)` folded from `read`, the results of ``resultRange(of:from:to:)``
    /// (read alone or in a batch).
    func hours(of check: Check, read: [ProbeResult], from: Date, to: Date) -> [Rollup] {
        let firstInside = read.firstIndex { $0.startedAt >= from } ?? read.endIndex
        return timeline(of: check).hours(
            results: Array(read[firstInside...]), previous: firstInside > 0 ? read[firstInside - 1] : nil, from: from, to: to
        )
    }

    /// The timeline that weighs `check`'s results, with the maintenance windows that can cover it.
    func timeline(of check: Check) -> AvailabilityTimeline {
        let calendar = maintenance
        var covered: (@Sendable (Date) -> Bool)?
        if calendar.windows.contains(where: { $0.customer == check.customer }) {
            covered = { instant in calendar.window(covering: check, at: instant) != nil }
        }
        return AvailabilityTimeline(
            checkID: check.id, standingLimit: AvailabilityTimeline.standingLimit(for: check), maintenance: covered
        )
    }

    /// Where rolling up resumes: the watermark, or the hour of the first stored result.
    private func start(after watermark: Date?) async throws -> Date? {
        if let watermark { return watermark }
        return try await store.firstResultTime().map(Rollup.hour(of:))
    }

    /// The daemon's turn: a catch-up, logged when it rolled anything up or failed.
    func catchUpLogged(logger: Logger) async {
        do {
            let hours = try await catchUp()
            if hours > 0 { logger.info("results.rolled_up", metadata: ["hours": "\(hours)"]) }
        } catch {
            logger.error("results.rollup_failed", metadata: ["error": "\(error)"])
        }
    }
}
