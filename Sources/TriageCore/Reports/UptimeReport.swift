import Foundation

/// Uptime per site and per customer over a period, with each site's days, its checks, and its
/// downtime by the cause its incidents record: what a manager shows a customer.
///
/// A site's time is the sum of its checks' times (two checks, two hours of check-time per hour),
/// so a site whose mail is down while its web answers is down for half its check-time; a
/// customer's is the sum of its sites'. Uptime is (up + degraded) / (up + degraded + down):
/// unknown time and maintenance are shown apart and counted in neither side.
public struct UptimeReport: Sendable, Hashable, Encodable {
    public struct CheckRow: Sendable, Hashable, Encodable {
        public var checkID: String
        public var name: String
        public var kind: String
        public var availability: Availability
        public var uptime: Double?
    }

    public struct Day: Sendable, Hashable, Encodable {
        public var day: Date
        public var availability: Availability
        public var uptime: Double?
    }

    /// Down time that incidents covered, by the cause recorded when they were resolved
    /// (`provider`, `customer`, `third-party`), `unrecorded` when none was, and `no-incident` for
    /// down time no incident covered.
    public struct CauseRow: Sendable, Hashable, Encodable {
        public var cause: String
        public var seconds: Double
        public var incidents: Int
    }

    public struct SiteRow: Sendable, Hashable, Encodable {
        public var targetID: String
        public var customer: String
        public var availability: Availability
        public var uptime: Double?
        public var checks: [CheckRow]
        public var days: [Day]
        public var downtimeByCause: [CauseRow]
    }

    public struct CustomerRow: Sendable, Hashable, Encodable {
        public var customer: String
        public var sites: Int
        public var availability: Availability
        public var uptime: Double?
    }

    public var from: Date
    public var to: Date
    /// By customer, then site.
    public var sites: [SiteRow]
    public var customers: [CustomerRow]

    /// - Parameters:
    ///   - checks: every check's period (see `CheckPeriod`).
    ///   - downtime: the down time incidents covered, per check (see `IncidentDowntime`).
    public init(checks: [CheckPeriod], downtime: [String: [IncidentDowntime.Share]] = [:], from: Date, to: Date) {
        self.from = from
        self.to = to
        let bySite = Dictionary(grouping: checks, by: \.targetID)
        sites = bySite.keys.sorted().map { targetID in
            let checks = bySite[targetID, default: []].sorted { $0.checkID < $1.checkID }
            let availability = checks.reduce(Availability()) { $0 + $1.availability }
            return SiteRow(
                targetID: targetID, customer: checks[0].customer, availability: availability, uptime: availability.uptime,
                checks: checks.map {
                    CheckRow(checkID: $0.checkID, name: $0.name, kind: $0.kind, availability: $0.availability, uptime: $0.availability.uptime)
                },
                days: Self.days(of: checks),
                downtimeByCause: Self.causes(of: checks, downtime: downtime)
            )
        }
        .sorted { ($0.customer, $0.targetID) < ($1.customer, $1.targetID) }
        let byCustomer = Dictionary(grouping: sites, by: \.customer)
        customers = byCustomer.keys.sorted().map { customer in
            let sites = byCustomer[customer, default: []]
            let availability = sites.reduce(Availability()) { $0 + $1.availability }
            return CustomerRow(customer: customer, sites: sites.count, availability: availability, uptime: availability.uptime)
        }
    }

    private static func days(of checks: [CheckPeriod]) -> [Day] {
        var byDay: [Date: Availability] = [:]
        for check in checks {
            for day in check.days { byDay[day.day, default: Availability()] += day.availability }
        }
        return byDay.keys.sorted().map { Day(day: $0, availability: byDay[$0]!, uptime: byDay[$0]!.uptime) }
    }

    private static func causes(of checks: [CheckPeriod], downtime: [String: [IncidentDowntime.Share]]) -> [CauseRow] {
        var seconds: [String: Double] = [:]
        var incidents: [String: Int] = [:]
        var covered = 0.0
        for check in checks {
            // An incident that covered no down time (a slow-load one) has no share of it to show.
            for share in downtime[check.checkID, default: []] where share.seconds > 0 {
                seconds[share.cause, default: 0] += share.seconds
                incidents[share.cause, default: 0] += 1
                covered += share.seconds
            }
        }
        let down = checks.reduce(0) { $0 + $1.availability.down }
        if down - covered > 0.5 { seconds[IncidentDowntime.noIncident] = down - covered }
        return seconds.keys.sorted().map { CauseRow(cause: $0, seconds: seconds[$0]!, incidents: incidents[$0, default: 0]) }
    }
}
