import Foundation
import TriageCore

/// Tickets as an aligned terminal table, with the time left before each active ticket's deadline.
public struct TicketTable: Renderer {
    public let now: Date

    public init(now: Date) {
        self.now = now
    }

    public func render(_ tickets: [Ticket]) -> String {
        guard !tickets.isEmpty else { return "No tickets." }
        let rows = tickets.map { ticket -> [String] in
            let due = ticket.status.isActive && ticket.takenAt == nil
                ? TextTable.timeLeft(until: ticket.deadline, now: now)
                : ticket.outcome(at: now).rawValue
            return [
                "\(ticket.id)", ticket.code.rawValue, ticket.status.rawValue, ticket.customer,
                ticket.checkID ?? ticket.targetID ?? "-", TextTable.utc(ticket.openedAt), TextTable.utc(ticket.deadline),
                due, ticket.summary,
            ]
        }
        return TextTable.render(
            header: ["ID", "CODE", "STATUS", "CUSTOMER", "CHECK", "OPENED (UTC)", "DEADLINE (UTC)", "TAKE IN CHARGE", "SUMMARY"],
            rows: rows
        )
    }
}
