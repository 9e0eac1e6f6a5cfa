import Foundation
import GRDB
import TicketStore
import TriageCore

extension SQLiteTicketStore {
    public func file(_ ticket: NewTicket, plans: SupportPlans, at: Date) async throws -> Ticket {
        let policy = plans.policy(for: ticket.customer)
        return try await write("file a \(ticket.code.rawValue) ticket for \(ticket.customer)") { db in
            try DeskTransaction(db: db).file(ticket, policy: policy, at: at)
        }
    }

    /// The read, the desk's decision and the writes share one IMMEDIATE transaction: SQLite grants
    /// it the write lock before the read, so a second process taking the same ticket waits, then
    /// reads the ticket already taken. (A deferred transaction would read first and could then
    /// fail to upgrade with SQLITE_BUSY_SNAPSHOT instead.)
    public func apply(
        _ action: TicketAction, to id: Int64, by actor: String, at: Date, plans: SupportPlans, catalogue: Catalogue
    ) async throws -> Ticket {
        try await write("\(action.name) ticket \(id)") { db in
            try DeskTransaction(db: db).apply(action, to: id, by: actor, at: at) { customer in
                TicketDesk(policy: plans.policy(for: customer), catalogue: catalogue)
            }
        }
    }

    /// One transaction for the whole scan, so a take committed meanwhile by another process either
    /// lands before it (the ticket is no longer open) or after it (the breach is already recorded).
    public func recordBreaches(at now: Date) async throws -> [Ticket] {
        try await write("record deadline breaches") { db in
            try DeskTransaction(db: db).recordBreaches(at: now)
        }
    }
}
