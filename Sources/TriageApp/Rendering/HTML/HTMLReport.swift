import Foundation
import TriageCore

/// A ``ManagerReport`` as one self-contained HTML5 document: inline CSS, inline SVG charts, no
/// script, and a content security policy that forbids fetching anything, so the file can be
/// mailed, archived or opened offline and reads the same on a phone, a desktop and paper.
///
/// Each part of the report becomes a section only when the report holds it, so the full
/// report and each single report (`triage report tickets --format html`) share this renderer.
///
/// ```swift
/// let html = HTMLReport().render(ManagerReport(from: from, to: to, generatedAt: now, tickets: tickets))
/// ```
public struct HTMLReport: Renderer {
    public init() {}

    public func render(_ report: ManagerReport) -> String {
        OutputSink.collect { write(report, to: $0) }
    }

    /// Writes the document section by section (and the response times chart by chart), so a
    /// report of a thousand sites never sits whole in memory.
    public func write(_ report: ManagerReport, to sink: OutputSink) {
        let customer = report.customer.map { " for \($0)" } ?? ""
        let title = "Triage report\(customer), \(HTMLText.utc(report.from)) to \(HTMLText.utc(report.to)) UTC"
        sink.write("""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="generator" content="triage">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(HTMLReportStyle.css)
        </style>
        </head>
        <body>
        <main>
        <h1>\(HTMLText.escape("Triage report\(customer)"))</h1>
        \(SummarySection(report: report).render())
        """)
        if let uptime = report.uptime { sink.write("\n" + UptimeSection(report: uptime).render()) }
        if let responseTimes = report.responseTimes {
            sink.write("\n")
            ResponseTimeSection(report: responseTimes).write(to: sink)
        }
        for section in [
            report.tickets.map { TicketSection(report: $0).render() }, report.deadlines.map { DeadlineSection(report: $0).render() },
            report.fees.map { FeeSection(report: $0).render() },
        ] {
            if let section { sink.write("\n" + section) }
        }
        sink.write("\n</main>\n</body>\n</html>\n")
    }
}
