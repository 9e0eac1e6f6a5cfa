import Foundation

/// Response times per site and check over a period: p50, p95 and p99 of the probes that
/// answered, per day for the charts, and the slowest hours, so a manager can say when a site was
/// slow, not only that it was.
public struct ResponseTimeReport: Sendable, Hashable, Encodable {
    public struct Row: Sendable, Hashable, Encodable {
        public var checkID: String
        public var targetID: String
        public var customer: String
        public var name: String
        public var kind: String
        /// Nil when no probe of the check answered in the period.
        public var latency: CheckPeriod.Latency?
        public var days: [CheckPeriod.Day]
        public var slowestHours: [CheckPeriod.Hour]
    }

    public var from: Date
    public var to: Date
    /// By customer, site and check.
    public var rows: [Row]

    public init(checks: [CheckPeriod], from: Date, to: Date) {
        self.from = from
        self.to = to
        rows = checks.sorted { ($0.customer, $0.targetID, $0.checkID) < ($1.customer, $1.targetID, $1.checkID) }.map {
            Row(
                checkID: $0.checkID, targetID: $0.targetID, customer: $0.customer, name: $0.name, kind: $0.kind,
                latency: $0.latency, days: $0.days, slowestHours: $0.slowestHours
            )
        }
    }
}
