import Foundation

/// One check's hour, summed up: how its time was spent, how many probes ran and failed, and its
/// response times. The daemon keeps these as results arrive (`ResultRollup`), so a month's report
/// reads 720 rows per check instead of 43,200 results.
public struct HourRollup: Sendable, Hashable {
    public var checkID: String
    /// The start of the hour (UTC, on the hour).
    public var hour: Date
    public var availability: Availability
    public var probes: Int
    /// Probes whose outcome was `down`.
    public var failures: Int
    /// Total times of the probes that answered (`up` or `degraded`): a failure's time says how
    /// long it took to fail, not how fast the site is.
    public var latency: LatencyHistogram

    public init(
        checkID: String, hour: Date, availability: Availability = Availability(), probes: Int = 0, failures: Int = 0,
        latency: LatencyHistogram = LatencyHistogram()
    ) {
        self.checkID = checkID
        self.hour = hour
        self.availability = availability
        self.probes = probes
        self.failures = failures
        self.latency = latency
    }

    /// The start of the hour holding `instant`.
    public static func hour(of instant: Date) -> Date {
        Date(timeIntervalSince1970: (instant.timeIntervalSince1970 / 3600).rounded(.down) * 3600)
    }
}
