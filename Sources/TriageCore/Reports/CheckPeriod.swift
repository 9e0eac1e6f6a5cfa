import Foundation

/// One check over a report's period, folded from its hour roll-ups: its time by state, per day
/// and in all, and its response-time percentiles, per day, in all, and in its slowest hours.
/// Both the uptime and the response-time reports are read from these, so a month of one check
/// is folded once and its roll-ups can be dropped.
public struct CheckPeriod: Sendable, Hashable, Encodable {
    /// Response times of a set of probes: how many answered, and the percentiles of their times
    /// (seconds, each within ±2 %, see `LatencyHistogram`).
    public struct Latency: Sendable, Hashable, Encodable {
        public var samples: Int
        public var p50: Double
        public var p95: Double
        public var p99: Double

        init?(_ histogram: LatencyHistogram) {
            guard let p50 = histogram.percentile(0.5), let p95 = histogram.percentile(0.95),
                let p99 = histogram.percentile(0.99)
            else { return nil }
            samples = histogram.total
            self.p50 = p50
            self.p95 = p95
            self.p99 = p99
        }
    }

    /// One UTC day.
    public struct Day: Sendable, Hashable, Encodable {
        public var day: Date
        public var availability: Availability
        public var latency: Latency?
    }

    /// One hour, for the slowest hours.
    public struct Hour: Sendable, Hashable, Encodable {
        public var hour: Date
        public var latency: Latency
    }

    public var checkID: String
    public var targetID: String
    public var customer: String
    public var name: String
    public var kind: String
    public var availability: Availability
    public var probes: Int
    public var failures: Int
    public var latency: Latency?
    public var days: [Day]
    /// The hours with the highest p95, slowest first (ties: earliest first).
    public var slowestHours: [Hour]

    /// - Parameters:
    ///   - rollups: the check's hours and days over the period, oldest first, none overlapping.
    ///   - candidateHours: more hours that may be among the slowest, for the stretches `rollups`
    ///     covers with days (the store's slowest hours of those days).
    ///   - slowestHourCount: how many slowest hours to keep.
    public init(check: Check, rollups: [Rollup], candidateHours: [Rollup] = [], slowestHourCount: Int = 3) {
        checkID = check.id
        targetID = check.targetID
        customer = check.customer
        name = check.name
        kind = check.spec.kindName
        availability = rollups.reduce(Availability()) { $0 + $1.availability }
        probes = rollups.reduce(0) { $0 + $1.probes }
        failures = rollups.reduce(0) { $0 + $1.failures }
        var whole = LatencyHistogram()
        var days: [Day] = []
        var dayLatency = LatencyHistogram()
        for rollup in rollups {
            let day = Rollup.day(of: rollup.start)
            if days.last?.day != day {
                Self.close(&days, with: dayLatency, into: &whole)
                dayLatency = LatencyHistogram()
                days.append(Day(day: day, availability: Availability(), latency: nil))
            }
            days[days.count - 1].availability += rollup.availability
            dayLatency.merge(rollup.latency)
        }
        Self.close(&days, with: dayLatency, into: &whole)
        self.days = days
        latency = Latency(whole)
        slowestHours = Self.slowest(rollups.filter { $0.span == .hour } + candidateHours, count: slowestHourCount)
    }

    /// The `count` hours with the highest p95, slowest first (ties: earliest first). Only each
    /// hour's p95 is read to rank it; the full percentiles of the slowest few only.
    private static func slowest(_ hours: [Rollup], count: Int) -> [Hour] {
        var slowest: [(start: Date, p95: Double, latency: LatencyHistogram)] = []
        for hour in hours.sorted(by: { $0.start < $1.start }) {
            guard count > 0, let p95 = hour.latency.percentile(0.95),
                slowest.count < count || p95 > slowest[slowest.count - 1].p95
            else { continue }
            let place = slowest.firstIndex { p95 > $0.p95 } ?? slowest.count
            slowest.insert((hour.start, p95, hour.latency), at: place)
            if slowest.count > count { slowest.removeLast() }
        }
        return slowest.compactMap { entry in Latency(entry.latency).map { Hour(hour: entry.start, latency: $0) } }
    }

    private static func close(_ days: inout [Day], with latency: LatencyHistogram, into whole: inout LatencyHistogram) {
        guard !days.isEmpty else { return }
        days[days.count - 1].latency = Latency(latency)
        whole.merge(latency)
    }
}
