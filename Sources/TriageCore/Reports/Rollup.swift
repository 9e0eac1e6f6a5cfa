import Foundation

/// One check's hour or day, summed up: how its time was spent, how many probes ran and failed,
/// and its response times. The daemon keeps these as results arrive (`ResultRollup`): a month's
/// report reads 30 day rows per check (and the hours at its edges) instead of 43,200 results.
public struct Rollup: Sendable, Hashable {
    /// How long a roll-up lasts.
    public enum Span: Int, Sendable, Hashable {
        case hour = 3600
        case day = 86_400

        public var seconds: TimeInterval { TimeInterval(rawValue) }
    }

    public var checkID: String
    /// The start of the hour or day (UTC, on the hour or at midnight).
    public var start: Date
    public var span: Span
    public var availability: Availability
    public var probes: Int
    /// Probes whose outcome was `down`.
    public var failures: Int
    /// Total times of the probes that answered (`up` or `degraded`): a failure's time says how
    /// long it took to fail, not how fast the site is.
    public var latency: LatencyHistogram

    public init(
        checkID: String, start: Date, span: Span = .hour, availability: Availability = Availability(), probes: Int = 0,
        failures: Int = 0, latency: LatencyHistogram = LatencyHistogram()
    ) {
        self.checkID = checkID
        self.start = start
        self.span = span
        self.availability = availability
        self.probes = probes
        self.failures = failures
        self.latency = latency
    }

    /// The day made of `hours` (all of one check, inside the day starting at `day`).
    public init(checkID: String, day: Date, hours: [Rollup]) {
        self.init(checkID: checkID, start: day, span: .day)
        for hour in hours {
            availability += hour.availability
            probes += hour.probes
            failures += hour.failures
            latency.merge(hour.latency)
        }
    }

    /// `stored` (of one check and span, oldest first) with the spans it lacks in `[from, to)`
    /// added as unknown: hours before the first roll-up, or before the check was configured, have
    /// no row, and are no less part of a period.
    public static func filled(_ stored: [Rollup], checkID: String, span: Span, from: Date, to: Date) -> [Rollup] {
        let count = Int(to.timeIntervalSince(from) / span.seconds)
        guard stored.count < count else { return stored }
        let byStart = Dictionary(stored.map { ($0.start, $0) }, uniquingKeysWith: { first, _ in first })
        return (0..<count).map { index in
            let start = from.addingTimeInterval(Double(index) * span.seconds)
            return byStart[start]
                ?? Rollup(checkID: checkID, start: start, span: span, availability: Availability(unknown: span.seconds))
        }
    }

    /// When it ends.
    public var end: Date { start.addingTimeInterval(span.seconds) }

    /// The start of the hour holding `instant`.
    public static func hour(of instant: Date) -> Date {
        Date(timeIntervalSince1970: (instant.timeIntervalSince1970 / 3600).rounded(.down) * 3600)
    }

    /// The start of the UTC day holding `instant`.
    public static func day(of instant: Date) -> Date {
        Date(timeIntervalSince1970: (instant.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }
}
