import Foundation
import TriageCore

/// The uptime report as terminal tables: customers, then sites with their down, maintenance and
/// unknown time and the causes of their down time.
public struct UptimeTable: Renderer {
    public init() {}

    public func render(_ report: UptimeReport) -> String {
        var text = "Uptime from \(TextTable.utc(report.from)) to \(TextTable.utc(report.to)) (UTC)\n\n"
        guard !report.sites.isEmpty else { return text + "No checks configured." }
        text += TextTable.render(
            header: ["CUSTOMER", "SITES", "UPTIME", "DOWN", "MAINTENANCE", "UNKNOWN"],
            rows: report.customers.map { [$0.customer, String($0.sites)] + Self.cells($0.availability) }
        )
        text += "\n\n" + TextTable.render(
            header: ["SITE", "CHECKS", "UPTIME", "DOWN", "MAINTENANCE", "UNKNOWN", "DOWN BY CAUSE"],
            rows: report.sites.map { site in
                [site.targetID, String(site.checks.count)] + Self.cells(site.availability)
                    + [site.downtimeByCause.map { "\($0.cause) \(TextTable.span(Int($0.seconds.rounded())))" }.joined(separator: ", ")]
            }
        )
        return text
    }

    private static func cells(_ time: Availability) -> [String] {
        [percent(time.uptime), TextTable.span(Int(time.down.rounded())), TextTable.span(Int(time.maintenance.rounded())),
         TextTable.span(Int(time.unknown.rounded()))]
    }

    /// "99.953%": three decimals, since the difference between 99.9 % and 99.99 % is what a customer's contract is about.
    static func percent(_ share: Double?) -> String {
        share.map { ($0 * 100).fixed(decimals: 3) + "%" } ?? "no data"
    }
}

/// The response-time report as a terminal table: one line per check, with its slowest hour.
public struct ResponseTimeTable: Renderer {
    public init() {}

    public func render(_ report: ResponseTimeReport) -> String {
        let text = "Response times from \(TextTable.utc(report.from)) to \(TextTable.utc(report.to)) (UTC)\n\n"
        guard !report.rows.isEmpty else { return text + "No checks configured." }
        return text + TextTable.render(
            header: ["CHECK", "KIND", "ANSWERED", "P50", "P95", "P99", "SLOWEST HOUR (P95)"],
            rows: report.rows.map { row in
                [row.checkID, row.kind, String(row.latency?.samples ?? 0)]
                    + [row.latency?.p50, row.latency?.p95, row.latency?.p99].map(Self.milliseconds)
                    + [row.slowestHours.first.map { "\(TextTable.utc($0.hour)) \(Self.milliseconds($0.latency.p95))" } ?? "-"]
            }
        )
    }

    static func milliseconds(_ seconds: Double?) -> String {
        seconds.map { ($0 * 1000).fixed(decimals: 1) + " ms" } ?? "-"
    }
}

extension ReportCSV {
    /// One table with a `table` column: `sites` (their whole period) then `days` (each site's days),
    /// times in seconds, uptime as a share from 0 to 1.
    public func render(_ report: UptimeReport) -> String {
        let header = ["table", "customer", "site", "day", "uptime", "up_s", "degraded_s", "down_s", "maintenance_s", "unknown_s"]
        let rows = report.sites.flatMap { site in
            [["sites", site.customer, site.targetID, ""] + Self.fields(site.availability)]
                + site.days.map { ["days", site.customer, site.targetID, Self.day($0.day)] + Self.fields($0.availability) }
        }
        return Self.csv([header] + rows)
    }

    /// One table with a `table` column: `checks` (their whole period), `days` and `slowest-hours`;
    /// times in seconds.
    public func render(_ report: ResponseTimeReport) -> String {
        let header = ["table", "customer", "site", "check", "kind", "day_or_hour", "answered", "p50_s", "p95_s", "p99_s"]
        let iso = ISO8601DateFormatter()
        let rows = report.rows.flatMap { row in
            let head = [row.customer, row.targetID, row.checkID, row.kind]
            return [["checks"] + head + [""] + Self.fields(row.latency)]
                + row.days.map { ["days"] + head + [Self.day($0.day)] + Self.fields($0.latency) }
                + row.slowestHours.map { ["slowest-hours"] + head + [iso.string(from: $0.hour)] + Self.fields($0.latency) }
        }
        return Self.csv([header] + rows)
    }

    private static func fields(_ time: Availability) -> [String] {
        [time.uptime.map { $0.fixed(decimals: 6) } ?? ""] + [time.up, time.degraded, time.down, time.maintenance, time.unknown].map {
            $0.fixed(decimals: 0)
        }
    }

    private static func fields(_ latency: CheckPeriod.Latency?) -> [String] {
        guard let latency else { return ["0", "", "", ""] }
        return [String(latency.samples)] + [latency.p50, latency.p95, latency.p99].map { $0.fixed(decimals: 4) }
    }

    /// `2026-11-02`: a format style, not a formatter per cell, since a month of a thousand sites
    /// is 30,000 cells (a formatter each measured as most of the report's time).
    private static func day(_ day: Date) -> String {
        day.formatted(.iso8601.year().month().day().dateSeparator(.dash))
    }
}

/// The full report as text: each part's table under the last, in the order a manager reads them.
public struct FullReportText: Renderer {
    public init() {}

    public func render(_ report: ManagerReport) -> String {
        var parts: [String] = []
        if let uptime = report.uptime { parts.append(UptimeTable().render(uptime)) }
        if let times = report.responseTimes { parts.append(ResponseTimeTable().render(times)) }
        if let tickets = report.tickets { parts.append(TicketCountTable().render(tickets)) }
        if let deadlines = report.deadlines { parts.append(DeadlineTable().render(deadlines)) }
        if let fees = report.fees { parts.append(FeeTable().render(fees)) }
        return parts.joined(separator: "\n\n\n")
    }
}
