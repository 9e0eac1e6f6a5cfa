import TriageCore

/// The tickets part of the HTML report: counts by code, case and source, a bar per code, and
/// the RED incidents with their milestones and timelines.
struct TicketSection {
    var report: TicketCountReport

    func render() -> String {
        HTMLSection.render(id: "tickets", title: "Tickets and incidents", groups() + chart() + red())
    }

    private func groups() -> String {
        guard !report.groups.isEmpty else { return HTMLSection.note("No tickets were opened in the period.") }
        return HTMLTable(
            caption: "Tickets opened, by code, case and source",
            header: ["CODE", "CASE", "SOURCE", "TICKETS", "ACTIVE", "MEAN DURATION"],
            rows: report.groups.map { group in
                [group.code.rawValue, group.caseID?.rawValue ?? "-", group.source.rawValue, String(group.tickets), String(group.active),
                 group.duration.map { HTMLText.span($0.mean) } ?? "-"]
            },
            numeric: [3, 4, 5]
        ).render()
    }

    /// A bar for every code, zero ones included: "no RED incident" is news worth showing.
    private func chart() -> String {
        let bars = TriageCode.allCases.map { code in
            SVGBarChart.Bar(
                label: code.rawValue, value: Double(report.groups.filter { $0.code == code }.reduce(0) { $0 + $1.tickets }),
                colour: ChartPalette.code(code)
            )
        }
        let frame = SVGFrame(name: "incidents-per-code", title: "Tickets opened per code", width: 400, height: 200)
        return HTMLSection.figure(SVGBarChart(frame: frame, bars: bars).render(), caption: "Tickets opened in the period, per TRIAGE code.")
    }

    private func red() -> String {
        guard !report.red.isEmpty else { return "" }
        return HTMLTable(
            caption: "RED incidents and their milestones",
            header: ["ID", "CUSTOMER", "OPENED", "TAKEN IN CHARGE", "ENDED", "DEADLINE", "SUMMARY"],
            rows: report.red.map { red in
                [String(red.id), red.customer, HTMLText.utc(red.openedAt),
                 red.takenAt.map { "\(HTMLText.utc($0)) by \(red.takenBy ?? "?") (after \(HTMLText.span($0.timeIntervalSince(red.openedAt))))" } ?? "-",
                 red.resolvedAt.map { "\(HTMLText.utc($0)) (after \(HTMLText.span($0.timeIntervalSince(red.openedAt))))" } ?? "-",
                 red.outcome.rawValue, red.summary]
            },
            numeric: [0], text: [6]
        ).render() + timelines()
    }

    /// Each RED incident's audit trail, in a table of its own under its id; thousands of them in
    /// a month of outages, so they are drawn on every core.
    private func timelines() -> String {
        let red = report.red.filter { !$0.timeline.isEmpty }
        var html = ""
        ParallelPieces.forEach(count: red.count, render: { index in
            HTMLTable(
                caption: "Timeline of RED incident #\(red[index].id): \(red[index].summary)",
                header: ["AT", "EVENT", "BY", "DETAIL"],
                rows: red[index].timeline.map { [HTMLText.utc($0.at), $0.kind.rawValue, $0.actor, $0.detail] },
                text: [3]
            ).render()
        }, write: { html += $0 })
        return html
    }
}
