import Foundation

/// One check over a report's period, folded from its hour roll-ups: its time by state, per day
/// and in all, and its response-time percentiles, per day, in all, and in its slowest hours.
/// Both the uptime and the response-time reports are read from these, so a month of one check
/// is folded once and its hours can be dropped.
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
    ///   - hours: the check's hours over the period, oldest first.
    ///   - slowestHourCount: how many slowest hours to keep.
    public init(check: Check, hours: [HourRollup], slowestHourCount: Int = 3) {
        checkID = check.id
        targetID = check.targetID
        customer = check.customer
        name = check.name
        kind = check.spec.kindName
        availability = hours.reduce(Availability()) { $0 + $1.availability }
        probes = hours.reduce(0) { $0 + $1.probes }
        failures = hours.reduce(0) { $0 + $1.failures }
        var whole = LatencyHistogram()
        var days: [Day] = []
        var dayLatency = LatencyHistogram()
        var slowest: [(hour: Date, p95: Double, latency: LatencyHistogram)] = []
        for hour in hours {
            let day = Self.day(of: hour.hour)
            if days.last?.day != day {
                Self.close(&days, with: dayLatency, into: &whole)
                dayLatency = LatencyHistogram()
                days.append(Day(day: day, availability: Availability(), latency: nil))
            }
            days[days.count - 1].availability += hour.availability
            dayLatency.merge(hour.latency)
            // Only the p95 of each hour, to rank it; the full percentiles of the slowest few only.
            if slowestHourCount > 0, let p95 = hour.latency.percentile(0.95),
                slowest.count < slowestHourCount || p95 > slowest[slowest.count - 1].p95
            {
                let place = slowest.firstIndex { p95 > $0.p95 } ?? slowest.count
                slowest.insert((hour.hour, p95, hour.latency), at: place)
                if slowest.count > slowestHourCount { slowest.removeLast() }
            }
        }
        Self.close(&days, with: dayLatency, into: &whole)
        self.days = days
        latency = Latency(whole)
        slowestHours = slowest.compactMap { entry in Latency(entry.latency).map { Hour(hour: entry.hour, latency: $0) } }
    }

    private static func close(_ days: inout [Day], with latency: LatencyHistogram, into whole: inout LatencyHistogram) {
        guard !days.isEmpty else { return }
        days[days.count - 1].latency = Latency(latency)
        whole.merge(latency)
    }

    /// The start of the UTC day holding `instant`.
    public static func day(of instant: Date) -> Date {
        Date(timeIntervalSince1970: (instant.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }
}
