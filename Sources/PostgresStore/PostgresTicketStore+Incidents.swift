import Foundation
import PostgresNIO
import TicketStore
import TriageCore

extension PostgresTicketStore {
    /// The decision and its writes share one transaction under the ticket lock: no other node can
    /// open, reopen or resolve an incident of the same key between the lookup and the write. An
    /// insert refused by the unique index of active incidents runs the transaction again, which then
    /// finds that incident and adds the report to it as evidence, never an error.
    public func raise(_ report: IncidentReport, plans: SupportPlans, reopenWithin: Duration) async throws -> IncidentChange {
        let recordedAt = clock.now
        let policy = plans.policy(for: report.customer)
        let evidence = AuditText.evidence(of: report)
        let key = report.dedupKey
        let isDuplicate = { (error: any Error) in PostgresFailure.sqlState(of: error) == PostgresFailure.uniqueViolation }
        return try await write("raise \(key)", retryWhen: isDuplicate) { session in
            if let active = try await Self.active(dedupKey: key, in: session) {
                try await EventRow.append(EventRow.daemon(.evidence, detail: evidence, on: active.id, at: recordedAt), in: session)
                return .updated(active)
            }
            let reopenAfter = report.detectedAt.millisecondsSince1970 - reopenWithin.milliseconds
            if let recovered = try await Self.recovered(dedupKey: key, after: reopenAfter, in: session) {
                let reopened = recovered.reopened(at: report.detectedAt, policy: policy)
                try await TicketRow.update(reopened, in: session)
                try await EventRow.append(
                    EventRow.daemon(.reopened, detail: evidence, on: reopened.id, at: recordedAt), in: session
                )
                return .reopened(reopened)
            }
            let opened = try await TicketRow.insert(Ticket(opening: report, policy: policy), in: session)
            try await EventRow.append(EventRow.daemon(.opened, detail: evidence, on: opened.id, at: recordedAt), in: session)
            return .opened(opened)
        }
    }

    /// Like `raise`, one transaction under the ticket lock, so a recovery never resolves a ticket
    /// someone is taking.
    public func recover(dedupKey: String, at: Date, detail: String) async throws -> Ticket? {
        let recordedAt = clock.now
        return try await write("recover \(dedupKey)") { session in
            guard var active = try await Self.active(dedupKey: dedupKey, in: session) else { return nil }
            if active.status == .open {
                active = active.recoveredAutomatically(at: at)
                try await TicketRow.update(active, in: session)
            }
            try await EventRow.append(EventRow.daemon(.recovered, detail: detail, on: active.id, at: recordedAt), in: session)
            return active
        }
    }

    /// The active (open or taken) incident with `dedupKey`; the partial unique index allows at most one.
    private static func active(dedupKey: String, in session: PostgresSession) async throws -> Ticket? {
        try await TicketRow.tickets(
            "SELECT \(unescaped: TicketRow.columns) FROM tickets WHERE dedup_key = \(dedupKey) AND status IN ('open', 'taken')",
            in: session
        ).first
    }

    /// The latest incident with `dedupKey` that recovered by itself (resolved, from a probe, never
    /// taken by a person) after `after`: the one a returning fault reopens.
    private static func recovered(dedupKey: String, after: Int64, in session: PostgresSession) async throws -> Ticket? {
        try await TicketRow.tickets(
            """
            SELECT \(unescaped: TicketRow.columns) FROM tickets
            WHERE dedup_key = \(dedupKey) AND status = 'resolved' AND source = 'probe' AND taken_at IS NULL
                AND resolved_at > \(after)
            ORDER BY resolved_at DESC, id DESC
            LIMIT 1
            """,
            in: session
        ).first
    }
}
