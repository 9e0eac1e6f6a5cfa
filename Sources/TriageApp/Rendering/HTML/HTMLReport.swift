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
        let customer = report.customer.map { " for \($0)" } ?? ""
        let title = "Triage report\(customer), \(HTMLText.utc(report.from)) to \(HTMLText.utc(report.to)) UTC"
        let sections = [
            SummarySection(report: report).render(),
            report.uptime.map { UptimeSection(report: $0).render() },
            report.responseTimes.map { ResponseTimeSection(report: $0).render() },
            report.tickets.map { TicketSection(report: $0).render() },
            report.deadlines.map { DeadlineSection(report: $0).render() },
            report.fees.map { FeeSection(report: $0).render() },
        ].compactMap { $0 }.joined(separator: "\n")
        return """
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
        \(sections)
        </main>
        </body>
        </html>

        """
    }
}
