import Foundation
import GRDB
import TicketStore
import TriageCore

/// The ticket desk's writes, each inside one write transaction: what a person files or does to a
/// ticket, and the breaches the daemon records. The rules themselves are `TicketDesk`'s; this type
/// only reads the row they need and stores their result, so every backend applies the same rules.
struct DeskTransaction {
    let db: Database

    /// Inserts the ticket with its customer's deadlines and an `opened` event by whoever filed it.
    func file(_ new: NewTicket, policy: Policy, at openedAt: Date) throws -> Ticket {
        var record = TicketRecord(unsaved: Ticket(filing: new, policy: policy, at: openedAt))
        try record.insert(db)
        let ticket = record.ticket
        try append(AuditText.filed(new, ticketID: ticket.id, at: openedAt))
        return ticket
    }

    /// Reads ticket `id`, lets `desk(customer)` decide, then writes only the columns the action
    /// changed and appends its events. A refusal throws before anything is written, and the
    /// caller's transaction rolls back whatever would have been.
    func apply(
        _ action: TicketAction, to id: Int64, by actor: String, at now: Date, desk: (String) -> TicketDesk
    ) throws -> Ticket {
        guard let stored = try TicketRecord.fetchOne(db, key: id) else { throw TicketActionError.unknownTicket(id) }
        let change = try desk(stored.customer).apply(action, to: stored.ticket, by: actor, at: now)
        try TicketRecord(change.ticket).updateChanges(db, from: stored)
        for event in change.events { try append(event) }
        return change.ticket
    }

    /// Marks every untaken ticket whose deadline passed before `now` and is not recorded yet, with
    /// a `breached` event by the daemon naming the deadline missed.
    func recordBreaches(at now: Date) throws -> [Ticket] {
        var breached: [Ticket] = []
        for var record in try TicketRecord.unrecordedBreaches(before: now.millisecondsSince1970, in: db) {
            let stored = record
            record.breachRecordedAt = now.millisecondsSince1970
            try record.updateChanges(db, from: stored)
            let ticket = record.ticket
            try append(AuditText.breach(of: ticket, at: now))
            breached.append(ticket)
        }
        return breached
    }

    private func append(_ event: TicketEvent) throws {
        var record = TicketEventRecord(event)
        try record.insert(db)
    }
}
