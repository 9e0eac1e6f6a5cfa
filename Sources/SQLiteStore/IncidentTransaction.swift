import Foundation
import GRDB
import TicketStore
import TriageCore

/// The incident rules of `raise` and `recover`, applied inside one write transaction so the
/// decision (update, reopen or open) and its writes are atomic for every process sharing the file.
struct IncidentTransaction {
    let db: Database
    /// When the store records the change: the `at` of the audit events it writes.
    let recordedAt: Date

    /// Updates the active incident of the report's dedup key, else reopens the one that recovered
    /// within `reopenWithin` of the report, else opens a new one.
    func raise(_ report: IncidentReport, policy: Policy, reopenWithin: Duration) throws -> IncidentChange {
        let key = report.dedupKey
        let evidence = AuditText.evidence(of: report)
        if let active = try TicketRecord.active(dedupKey: key, in: db) {
            try append(.evidence, detail: evidence, to: active)
            return .updated(active.ticket)
        }
        let reopenAfter = report.detectedAt.millisecondsSince1970 - reopenWithin.milliseconds
        if let recovered = try TicketRecord.recovered(dedupKey: key, after: reopenAfter, in: db) {
            let reopened = TicketRecord(recovered.ticket.reopened(at: report.detectedAt, policy: policy))
            try reopened.update(db)
            try append(.reopened, detail: evidence, to: reopened)
            return .reopened(reopened.ticket)
        }
        var opened = TicketRecord(unsaved: Ticket(opening: report, policy: policy))
        do {
            try opened.insert(db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            // The unique index saw an active incident for this key that the lookup above did not:
            // the database's guarantee wins, and the report becomes evidence, never an error.
            guard let active = try TicketRecord.active(dedupKey: key, in: db) else { throw error }
            try append(.evidence, detail: evidence, to: active)
            return .updated(active.ticket)
        }
        try append(.opened, detail: evidence, to: opened)
        return .opened(opened.ticket)
    }

    /// Resolves the untaken incident of `dedupKey`, or only notes the recovery on a taken one: a
    /// person owns it now and decides when it is over. Nil when no incident of that key is active.
    func recover(dedupKey: String, at: Date, detail: String) throws -> Ticket? {
        guard var active = try TicketRecord.active(dedupKey: dedupKey, in: db) else { return nil }
        if active.status == .open {
            active = TicketRecord(active.ticket.recoveredAutomatically(at: at))
            try active.update(db)
        }
        try append(.recovered, detail: detail, to: active)
        return active.ticket
    }

    private func append(_ kind: TicketEventKind, detail: String, to ticket: TicketRecord) throws {
        guard let ticketID = ticket.id else { preconditionFailure("events are appended to stored tickets only") }
        var event = TicketEventRecord(ticketID: ticketID, at: recordedAt, kind: kind, detail: detail)
        try event.insert(db)
    }
}
