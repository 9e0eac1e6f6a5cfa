import Foundation
import TriageCore

/// The formats of `triage report`: a terminal table, JSON (the reports' own fields), CSV with
/// a header row, for a spreadsheet, or one self-contained HTML page with charts (``HTMLReport``).
public enum ReportFormat: String, Sendable, CaseIterable {
    case text
    case json
    case csv
    case html
}

/// The deadline report as a terminal table: one line per code.
public struct DeadlineTable: Renderer {
    public init() {}

    public func render(_ report: DeadlineReport) -> String {
        let rows = report.rows.map { row in
            [
                row.code.rawValue, String(row.tickets), String(row.met), String(row.breached), String(row.moot), String(row.pending),
                String(row.takenEarly), row.attainment.map(Share.format) ?? "-",
                row.timeToTake.map { TextTable.span(Int($0.p50)) } ?? "-", row.timeToTake.map { TextTable.span(Int($0.p90)) } ?? "-",
                row.timeToResolve.map { TextTable.span(Int($0.p50)) } ?? "-",
            ]
        }
        return "Tickets opened from \(TextTable.utc(report.from)) to \(TextTable.utc(report.to)) (UTC)\n\n" + TextTable.render(
            header: ["CODE", "TICKETS", "MET", "BREACHED", "MOOT", "PENDING", "EARLY", "MET SHARE", "TAKE P50", "TAKE P90", "RESOLVE P50"],
            rows: rows
        )
    }
}

/// The fee report as a terminal table, then the tickets whose fee is still to be agreed.
public struct FeeTable: Renderer {
    public init() {}

    public func render(_ report: FeeReport) -> String {
        var text = "Tickets resolved from \(TextTable.utc(report.from)) to \(TextTable.utc(report.to)) (UTC)\n\n"
        text += report.lines.isEmpty ? "Nothing billed." : TextTable.render(
            header: ["CUSTOMER", "CASE", "TICKETS", "FEES", "SURCHARGES", "TOTAL"],
            rows: report.lines.map { line in
                [line.customer, line.caseID?.rawValue ?? "-", String(line.tickets), line.fees.description,
                 line.surcharges.description, line.total.description]
            }
        )
        guard !report.openItems.isEmpty else { return text }
        return text + "\n\nFee to agree:\n" + TextTable.render(
            header: ["TICKET", "CUSTOMER", "CASE", "BILLED"],
            rows: report.openItems.map { [String($0.ticketID), $0.customer, $0.caseID?.rawValue ?? "-", $0.basis] }
        )
    }
}

/// The ticket counts as a terminal table, then the RED tickets with their milestones.
public struct TicketCountTable: Renderer {
    public init() {}

    public func render(_ report: TicketCountReport) -> String {
        var text = "Tickets opened from \(TextTable.utc(report.from)) to \(TextTable.utc(report.to)) (UTC)\n\n"
        text += report.groups.isEmpty ? "No tickets." : TextTable.render(
            header: ["CODE", "CASE", "SOURCE", "TICKETS", "ACTIVE", "MEAN DURATION"],
            rows: report.groups.map { group in
                [group.code.rawValue, group.caseID?.rawValue ?? "-", group.source.rawValue, String(group.tickets), String(group.active),
                 group.duration.map { TextTable.span(Int($0.mean)) } ?? "-"]
            }
        )
        guard !report.red.isEmpty else { return text }
        return text + "\n\nRED tickets:\n" + TextTable.render(
            header: ["ID", "CUSTOMER", "OPENED", "TAKEN", "ENDED", "DEADLINE", "SUMMARY"],
            rows: report.red.map { red in
                [String(red.id), red.customer, TextTable.utc(red.openedAt),
                 red.takenAt.map { "\(TextTable.utc($0)) by \(red.takenBy ?? "?")" } ?? "-", red.resolvedAt.map(TextTable.utc) ?? "-",
                 red.outcome.rawValue, red.summary]
            }
        ) + timelines(of: report.red)
    }

    /// Each RED ticket's audit trail, one step per line, under its id.
    private func timelines(of red: [TicketCountReport.RedTicket]) -> String {
        red.filter { !$0.timeline.isEmpty }.map { ticket in
            "\n\n#\(ticket.id) \(ticket.summary)\n" + TextTable.render(
                header: ["AT", "EVENT", "BY", "DETAIL"],
                rows: ticket.timeline.map { [TextTable.utc($0.at), $0.kind.rawValue, $0.actor, $0.detail] }
            )
        }.joined()
    }
}

/// Either report as CSV (RFC 4180: a header row, fields quoted when they hold a comma, quote or
/// line break; durations in seconds, money as decimal strings).
public struct ReportCSV {
    public init() {}

    public func render(_ report: DeadlineReport) -> String {
        let header = [
            "code", "tickets", "met", "breached", "moot", "pending", "taken_early", "attainment",
            "take_mean_s", "take_p50_s", "take_p90_s", "resolve_mean_s", "resolve_p50_s", "resolve_p90_s",
        ]
        let rows = report.rows.map { row -> [String] in
            [row.code.rawValue] + [row.tickets, row.met, row.breached, row.moot, row.pending, row.takenEarly].map(String.init)
                + [row.attainment.map { $0.fixed(decimals: 4) } ?? ""] + Self.stats(row.timeToTake) + Self.stats(row.timeToResolve)
        }
        return Self.csv([header] + rows)
    }

    /// One table with a `table` column: `fees` lines, then `to-agree` items.
    public func render(_ report: FeeReport) -> String {
        let header = ["table", "customer", "case", "currency", "tickets", "fees", "surcharges", "total", "ticket", "billed"]
        let lines = report.lines.map { line in
            ["fees", line.customer, line.caseID?.rawValue ?? "", line.currency, String(line.tickets), line.fees.decimalString,
             line.surcharges.decimalString, line.total.decimalString, "", ""]
        }
        let items = report.openItems.map { item in
            ["to-agree", item.customer, item.caseID?.rawValue ?? "", "", "", "", "", "", String(item.ticketID), item.basis]
        }
        return Self.csv([header] + lines + items)
    }

    /// One table with a `table` column: `counts` groups, then `red` tickets.
    public func render(_ report: TicketCountReport) -> String {
        let header = ["table", "code", "case", "source", "tickets", "active", "duration_mean_s", "id", "customer", "opened_at",
                      "taken_at", "taken_by", "ended_at", "outcome", "summary"]
        let iso = ISO8601DateFormatter()
        let groups = report.groups.map { group in
            ["counts", group.code.rawValue, group.caseID?.rawValue ?? "", group.source.rawValue, String(group.tickets),
             String(group.active), group.duration.map { $0.mean.fixed(decimals: 1) } ?? "", "", "", "", "", "", "", "", ""]
        }
        let red = report.red.map { red in
            ["red", "RED", "", "", "", "", "", String(red.id), red.customer, iso.string(from: red.openedAt),
             red.takenAt.map(iso.string) ?? "", red.takenBy ?? "", red.resolvedAt.map(iso.string) ?? "", red.outcome.rawValue, red.summary]
        }
        return Self.csv([header] + groups + red)
    }

    private static func stats(_ stats: TimeStats?) -> [String] {
        guard let stats else { return ["", "", ""] }
        return [stats.mean, stats.p50, stats.p90].map { $0.fixed(decimals: 1) }
    }

    static func csv(_ rows: [[String]]) -> String {
        rows.map { row in row.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
