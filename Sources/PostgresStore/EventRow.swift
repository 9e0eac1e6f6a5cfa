import Foundation
import PostgresNIO
import TicketStore
import TriageCore

/// Rows of `ticket_events`, the append-only audit trail; the id (assigned in commit order, under
/// the ticket lock) is also the tie-breaker between events of the same millisecond.
enum EventRow {
    /// The columns `event(from:)` reads, in a SELECT list.
    static let columns = "id, ticket_id, at, kind, actor, detail, level"

    /// Appends `event`; returns its id.
    @discardableResult
    static func append(_ event: TicketEvent, in session: PostgresSession) async throws -> Int64 {
        let query: PostgresQuery = """
            INSERT INTO ticket_events (ticket_id, at, kind, actor, detail, level)
            VALUES (\(event.ticketID), \(event.at.millisecondsSince1970), \(event.kind.rawValue), \(event.actor),
                \(event.detail), \(event.level))
            RETURNING id
            """
        guard let id = try await session.value(query, as: Int64.self) else {
            preconditionFailure("INSERT ... RETURNING returns the row it inserted")
        }
        return id
    }

    /// An event by the daemon on `ticketID`, recorded at `at`.
    static func daemon(_ kind: TicketEventKind, detail: String, on ticketID: Int64, at: Date) -> TicketEvent {
        TicketEvent(ticketID: ticketID, at: at, kind: kind, actor: AuditText.daemonActor, detail: detail)
    }

    /// The events a query selecting ``columns`` returns, each with its id, in the query's order.
    static func events(_ query: PostgresQuery, in session: PostgresSession) async throws -> [(id: Int64, event: TicketEvent)] {
        try await session.rows(query).map(event(from:))
    }

    /// The event (and its id) a row of ``columns`` stores.
    static func event(from row: PostgresRow) throws -> (id: Int64, event: TicketEvent) {
        let cells = row.makeRandomAccess()
        let event = TicketEvent(
            ticketID: try cells["ticket_id"].decode(Int64.self),
            at: Date(millisecondsSince1970: try cells["at"].decode(Int64.self)),
            kind: try known(cells["kind"].decode(String.self)), actor: try cells["actor"].decode(String.self),
            detail: try cells["detail"].decode(String.self), level: try cells["level"].decode(Int?.self)
        )
        return (try cells["id"].decode(Int64.self), event)
    }
}
