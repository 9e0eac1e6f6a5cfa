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
        let evidence = Self.evidence(of: report)
        if let active = try TicketRecord.active(dedupKey: key, in: db) {
            try append(.evidence, detail: evidence, to: active)
            return .updated(active.ticket)
        }
        let reopenAfter = report.detectedAt.millisecondsSince1970 - reopenWithin.milliseconds
        if var recovered = try TicketRecord.recovered(dedupKey: key, after: reopenAfter, in: db) {
            try reopen(&recovered, at: report.detectedAt, policy: policy)
            try append(.reopened, detail: evidence, to: recovered)
            return .reopened(recovered.ticket)
        }
        var opened = TicketRecord(opening: report, policy: policy)
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
            active.status = .resolved
            active.resolvedAt = at.millisecondsSince1970
            active.resolution = TicketRecord.recoveredAutomatically
            try active.update(db)
        }
        try append(.recovered, detail: detail, to: active)
        return active.ticket
    }

    /// Sets a recovered incident back to open. Its deadlines restart from the fault's return: the
    /// old ones passed while nothing was wrong, and keeping them would count a breach nobody could avoid.
    /// A breach recorded against the old deadline stays in the audit trail but no longer marks the
    /// ticket, so a miss of the new deadline is recorded (and alerted) too.
    private func reopen(_ ticket: inout TicketRecord, at returnedAt: Date, policy: Policy) throws {
        ticket.status = .open
        ticket.resolvedAt = nil
        ticket.resolution = nil
        ticket.deadline = policy.deadline(for: ticket.code, openedAt: returnedAt).millisecondsSince1970
        ticket.notBefore = policy.notBefore(for: ticket.code, openedAt: returnedAt)?.millisecondsSince1970
        ticket.breachRecordedAt = nil
        try ticket.update(db)
    }

    private func append(_ kind: TicketEventKind, detail: String, to ticket: TicketRecord) throws {
        guard let ticketID = ticket.id else { preconditionFailure("events are appended to stored tickets only") }
        var event = TicketEventRecord(ticketID: ticketID, at: recordedAt, kind: kind, detail: detail)
        try event.insert(db)
    }

    /// The report's evidence as one audit line; its summary when it brought none.
    private static func evidence(of report: IncidentReport) -> String {
        report.evidence.isEmpty ? report.summary : report.evidence.joined(separator: "; ")
    }
}
