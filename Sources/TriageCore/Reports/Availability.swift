import Foundation

/// How a stretch of time was spent, in seconds: what uptime is computed from.
///
/// Time is weighted: a probe result stands from its start until the next result of its check, or
/// for at most its check's standing limit; time no result covers is `unknown`, never counted as
/// up. Time inside a planned maintenance window is `maintenance` whatever the probes saw.
public struct Availability: Sendable, Hashable, Codable {
    public var up: Double
    /// Online but not as it should be (slow, stale): counts as available.
    public var degraded: Double
    public var down: Double
    public var maintenance: Double
    public var unknown: Double

    public init(up: Double = 0, degraded: Double = 0, down: Double = 0, maintenance: Double = 0, unknown: Double = 0) {
        self.up = up
        self.degraded = degraded
        self.down = down
        self.maintenance = maintenance
        self.unknown = unknown
    }

    /// The time a verdict covers: observed and outside maintenance.
    public var observed: Double { up + degraded + down }

    /// (up + degraded) / observed; nil when nothing was observed, so "no data" never reads as 100 %.
    public var uptime: Double? {
        observed > 0 ? (up + degraded) / observed : nil
    }

    /// Adds `seconds` to the state of `outcome`.
    public mutating func add(_ seconds: Double, as outcome: ProbeOutcome) {
        switch outcome {
        case .up: up += seconds
        case .degraded: degraded += seconds
        case .down: down += seconds
        }
    }

    public static func + (lhs: Availability, rhs: Availability) -> Availability {
        Availability(
            up: lhs.up + rhs.up, degraded: lhs.degraded + rhs.degraded, down: lhs.down + rhs.down,
            maintenance: lhs.maintenance + rhs.maintenance, unknown: lhs.unknown + rhs.unknown
        )
    }

    public static func += (lhs: inout Availability, rhs: Availability) {
        lhs = lhs + rhs
    }
}
