import Foundation
import TicketStore
import TriageCore

/// One ticket for a terminal: every field, its audit trail (who, what, when), then the
/// notifications sent of it (where, how many attempts, delivered or why not yet).
public struct TicketDetail: Renderer {
    public let now: Date

    public init(now: Date) {
        self.now = now
    }

    public func render(_ subject: (ticket: Ticket, events: [TicketEvent], deliveries: [DeliveryRecord])) -> String {
        let ticket = subject.ticket
        var fields: [(String, String?)] = [
            ("Ticket", "\(ticket.id)  \(ticket.code.rawValue)  \(ticket.status.rawValue)"),
            ("Summary", ticket.summary),
            ("Customer", ticket.customer),
            ("Check", ticket.checkID ?? ticket.targetID),
            ("Case", ticket.caseID?.rawValue),
            ("Source", ticket.source.rawValue),
            ("Opened", TextTable.utc(ticket.openedAt)),
            ("Not before", ticket.notBefore.map(TextTable.utc)),
            ("Deadline", TextTable.utc(ticket.deadline) + deadlineNote(ticket)),
            ("Taken", ticket.takenAt.map { "\(TextTable.utc($0)) by \(ticket.takenBy ?? "?")" + (ticket.takenEarly ? " (early, override)" : "") }),
            ("Ended", ticket.resolvedAt.map(TextTable.utc)),
            ("Resolution", ticket.resolution),
            ("Cause", ticket.cause?.rawValue),
            ("Fee", ticket.fee?.description),
            ("Surcharge", ticket.surcharge?.description),
            ("Referred to", ticket.referredTo),
            ("Planned", ticket.planned ? "yes: opened during a maintenance window, paged to nobody" : nil),
        ]
        fields.removeAll { $0.1 == nil }
        let width = fields.map(\.0.count).max() ?? 0
        let head = fields.map { "\($0.0.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.1!)" }.joined(separator: "\n")
        let trail = TextTable.render(
            header: ["WHEN (UTC)", "WHO", "WHAT", "DETAIL"],
            rows: subject.events.map { [TextTable.utc($0.at), $0.actor, $0.kind.rawValue, $0.detail] }
        )
        var text = head + "\n\nAudit trail:\n" + trail
        if !subject.deliveries.isEmpty {
            text += "\n\nNotifications:\n" + TextTable.render(
                header: ["EVENT", "CHANNEL", "ATTEMPTS", "STATE"],
                rows: subject.deliveries.map { delivery in
                    let state = delivery.deliveredAt.map { "delivered \(TextTable.utc($0))" }
                        ?? "pending" + (delivery.lastError.map { ": \($0)" } ?? "")
                    return [delivery.eventKind.rawValue, delivery.channel, String(delivery.attempts), state]
                }
            )
        }
        return text
    }

    private func deadlineNote(_ ticket: Ticket) -> String {
        let outcome = ticket.outcome(at: now)
        guard outcome == .pending else { return "  (\(outcome.rawValue))" }
        return "  (\(TextTable.timeLeft(until: ticket.deadline, now: now)))"
    }
}
