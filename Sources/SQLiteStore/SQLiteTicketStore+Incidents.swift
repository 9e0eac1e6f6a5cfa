import Foundation
import GRDB
import TicketStore
import TriageCore

extension SQLiteTicketStore {
    /// The decision and its writes share one IMMEDIATE transaction: no other process can open,
    /// reopen or resolve an incident of the same key between the lookup and the write.
    public func raise(_ report: IncidentReport, plans: SupportPlans, reopenWithin: Duration) async throws -> IncidentChange {
        let recordedAt = clock.now
        let policy = plans.policy(for: report.customer)
        return try await write("raise \(report.dedupKey)") { db in
            try IncidentTransaction(db: db, recordedAt: recordedAt)
                .raise(report, policy: policy, reopenWithin: reopenWithin)
        }
    }

    /// Like `raise`, one transaction, so a recovery never resolves a ticket someone is taking.
    public func recover(dedupKey: String, at: Date, detail: String) async throws -> Ticket? {
        let recordedAt = clock.now
        return try await write("recover \(dedupKey)") { db in
            try IncidentTransaction(db: db, recordedAt: recordedAt).recover(dedupKey: dedupKey, at: at, detail: detail)
        }
    }
}
