import Foundation
import TriageCore

/// The uptime part of the HTML report: per customer, the day grid of every site, and per site
/// with its down time by cause.
struct UptimeSection {
    var report: UptimeReport

    func render() -> String {
        HTMLSection.render(id: "uptime", title: "Uptime", customers() + chart() + sites())
    }

    private func customers() -> String {
        HTMLTable(
            caption: "Per customer",
            header: ["CUSTOMER", "SITES", "UPTIME", "DOWN", "DEGRADED", "MAINTENANCE", "UNKNOWN"],
            rows: report.customers.map { row in
                [row.customer, String(row.sites), HTMLText.percent(row.uptime)] + Self.times(row.availability)
            },
            numeric: [1, 2, 3, 4, 5, 6]
        ).render()
    }

    private func chart() -> String {
        let days = HTMLSection.days(from: report.from, to: report.to)
        let rows = report.sites.map { site in
            let uptime = Dictionary(site.days.map { ($0.day, $0.uptime) }, uniquingKeysWith: { first, _ in first })
            return SVGDayGrid.Row(label: site.targetID, cells: days.map { uptime[$0] ?? nil })
        }
        let grid = SVGDayGrid(name: "uptime-per-day", title: "Uptime per day per site", width: 460, days: days, rows: rows)
        return HTMLSection.figure(
            grid.render(),
            caption: "One row per site, one cell per UTC day, coloured by that day's uptime; grey where nothing was observed."
        )
    }

    private func sites() -> String {
        HTMLTable(
            caption: "Per site",
            header: ["SITE", "CUSTOMER", "UPTIME", "DOWN", "DEGRADED", "MAINTENANCE", "UNKNOWN", "DOWN TIME BY CAUSE"],
            rows: report.sites.map { site in
                [site.targetID, site.customer, HTMLText.percent(site.uptime)] + Self.times(site.availability) + [Self.causes(site.downtimeByCause)]
            },
            numeric: [2, 3, 4, 5, 6], text: [7]
        ).render()
    }

    /// Down, degraded, maintenance and unknown time, as spans.
    private static func times(_ availability: Availability) -> [String] {
        [availability.down, availability.degraded, availability.maintenance, availability.unknown].map(HTMLText.span)
    }

    /// `provider 1h 5m (2 incidents); no-incident 3m 0s`, or `-` without down time.
    private static func causes(_ rows: [UptimeReport.CauseRow]) -> String {
        guard !rows.isEmpty else { return "-" }
        return rows.map { row in
            let incidents = row.cause == IncidentDowntime.noIncident ? "" : " (\(row.incidents) incident\(row.incidents == 1 ? "" : "s"))"
            return "\(row.cause) \(HTMLText.span(row.seconds))\(incidents)"
        }.joined(separator: "; ")
    }
}
