import TriageCore

/// The deadlines part of the HTML report: the per-code table of the text report, and a stacked
/// bar per code of its met, breached, moot and pending tickets with the met share.
struct DeadlineSection {
    var report: DeadlineReport

    func render() -> String {
        HTMLSection.render(id: "deadlines", title: "Take-in-charge deadlines", table() + chart())
    }

    private func table() -> String {
        HTMLTable(
            caption: "Tickets opened in the period, by the outcome of their deadline",
            header: ["CODE", "TICKETS", "MET", "BREACHED", "MOOT", "PENDING", "EARLY", "MET SHARE", "TAKE P50", "TAKE P90", "RESOLVE P50"],
            rows: report.rows.map { row in
                [row.code.rawValue] + [row.tickets, row.met, row.breached, row.moot, row.pending, row.takenEarly].map(String.init)
                    + [row.attainment.map(HTMLText.percent) ?? "-"]
                    + [row.timeToTake?.p50, row.timeToTake?.p90, row.timeToResolve?.p50].map { $0.map(HTMLText.span) ?? "-" }
            },
            numeric: Set(1...10)
        ).render()
    }

    private func chart() -> String {
        let segments = [
            SVGLegend.Entry("met", colour: ChartPalette.met), SVGLegend.Entry("breached", colour: ChartPalette.breached),
            SVGLegend.Entry("moot", colour: ChartPalette.moot), SVGLegend.Entry("pending", colour: ChartPalette.pending),
        ]
        let rows = report.rows.map { row in
            SVGStackedBars.Row(
                label: row.code.rawValue, counts: [row.met, row.breached, row.moot, row.pending],
                note: row.tickets == 0 ? "no tickets" : row.attainment.map { "met \(Share.format($0))" } ?? "no verdict yet"
            )
        }
        let chart = SVGStackedBars(name: "deadline-attainment", title: "Deadline attainment per code", width: 440, segments: segments, rows: rows)
        return HTMLSection.figure(
            chart.render(),
            caption: "Per code, the tickets whose deadline was met, breached, moot (recovered untaken) or is pending; the met share is met / (met + breached)."
        )
    }
}
