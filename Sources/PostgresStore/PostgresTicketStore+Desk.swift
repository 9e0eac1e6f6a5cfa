import Foundation
import PostgresNIO
import TicketStore
import TriageCore

extension PostgresTicketStore {
    public func file(_ ticket: NewTicket, plans: SupportPlans, at: Date) async throws -> Ticket {
        let policy = plans.policy(for: ticket.customer)
        return try await write("file a \(ticket.code.rawValue) ticket for \(ticket.customer)") { session in
            let filed = try await TicketRow.insert(Ticket(filing: ticket, policy: policy, at: at), in: session)
            try await EventRow.append(AuditText.filed(ticket, ticketID: filed.id, at: at), in: session)
            return filed
        }
    }

    /// The read, the desk's decision and the writes share one transaction under the ticket lock, so
    /// a second node taking the same ticket waits, then reads the ticket already taken and is refused.
    /// A refusal throws before anything is written, and the transaction rolls back.
    public func apply(
        _ action: TicketAction, to id: Int64, by actor: String, at: Date, plans: SupportPlans, catalogue: Catalogue
    ) async throws -> Ticket {
        try await write("\(action.name) ticket \(id)") { session in
            guard let stored = try await Self.ticket(id: id, in: session) else { throw TicketActionError.unknownTicket(id) }
            let desk = TicketDesk(policy: plans.policy(for: stored.customer), catalogue: catalogue)
            let change = try desk.apply(action, to: stored, by: actor, at: at)
            try await TicketRow.update(change.ticket, in: session)
            for event in change.events { try await EventRow.append(event, in: session) }
            return change.ticket
        }
    }

    /// One transaction for the whole scan, so a take committed meanwhile by another node either
    /// lands before it (the ticket is no longer open) or after it (the breach is already recorded).
    public func recordBreaches(at now: Date) async throws -> [Ticket] {
        try await write("record deadline breaches") { session in
            let overdue = try await TicketRow.tickets(
                """
                SELECT \(unescaped: TicketRow.columns) FROM tickets
                WHERE status = 'open' AND breach_recorded_at IS NULL AND deadline < \(now.millisecondsSince1970)
                ORDER BY deadline, id
                """,
                in: session
            )
            var breached: [Ticket] = []
            for var ticket in overdue {
                ticket.breachRecordedAt = now
                try await session.execute(
                    "UPDATE tickets SET breach_recorded_at = \(now.millisecondsSince1970) WHERE id = \(ticket.id)"
                )
                try await EventRow.append(AuditText.breach(of: ticket, at: now), in: session)
                breached.append(ticket)
            }
            return breached
        }
    }

    /// Ticket `id` as the session sees it, nil when unknown.
    static func ticket(id: Int64, in session: PostgresSession) async throws -> Ticket? {
        try await TicketRow.tickets("SELECT \(unescaped: TicketRow.columns) FROM tickets WHERE id = \(id)", in: session).first
    }
}
