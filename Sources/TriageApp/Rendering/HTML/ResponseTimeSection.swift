import Foundation
import TriageCore

/// The response-time part of the HTML report: a table of every check's percentiles and slowest
/// hours, then one chart per check of its daily p50, p95 and p99.
struct ResponseTimeSection: Sendable {
    var report: ResponseTimeReport

    /// Writes the table, then the charts a window at a time, rendered on every core: a thousand
    /// checks make a thousand charts.
    func write(to sink: OutputSink) {
        sink.write(HTMLSection.open(id: "response-times", title: "Response times") + table())
        ParallelPieces.forEach(count: report.rows.count, render: { chart(report.rows[$0]) }, write: sink.write)
        sink.write(HTMLSection.close)
    }

    private func table() -> String {
        HTMLTable(
            caption: "Per check, probes that answered",
            header: ["CHECK", "KIND", "SAMPLES", "P50", "P95", "P99", "SLOWEST HOURS (P95)"],
            rows: report.rows.map { row in
                [row.checkID, row.kind, row.latency.map { String($0.samples) } ?? "0"]
                    + (row.latency.map { [$0.p50, $0.p95, $0.p99].map(HTMLText.latency) } ?? ["-", "-", "-"])
                    + [Self.slowest(row.slowestHours)]
            },
            numeric: [2, 3, 4, 5], text: [6]
        ).render()
    }

    private func chart(_ row: ResponseTimeReport.Row) -> String {
        let days = HTMLSection.days(from: report.from, to: report.to)
        let latency = Dictionary(row.days.map { ($0.day, $0.latency) }, uniquingKeysWith: { first, _ in first })
        let series = zip(["p50", "p95", "p99"], ChartPalette.percentiles).enumerated().map { index, name in
            SVGLineChart.Series(name: name.0, colour: name.1, values: days.map { day in
                (latency[day] ?? nil).map { [$0.p50, $0.p95, $0.p99][index] }
            })
        }
        let frame = SVGFrame(name: "percentiles-over-time", title: "Response times of \(row.checkID) per day: p50, p95, p99", width: 460, height: 220)
        let chart = SVGLineChart(frame: frame, days: days, series: series, format: HTMLText.latency)
        return HTMLSection.figure(chart.render(), caption: "\(row.checkID): daily response-time percentiles of the probes that answered.")
    }

    /// `2026-11-02T14:00:00 1.20 s; ...`, or `-`.
    private static func slowest(_ hours: [CheckPeriod.Hour]) -> String {
        guard !hours.isEmpty else { return "-" }
        return hours.map { "\(HTMLText.utc($0.hour)) \(HTMLText.latency($0.latency.p95))" }.joined(separator: "; ")
    }
}
