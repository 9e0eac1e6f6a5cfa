import Foundation
import PostgresNIO
import TicketStore
import TriageCore

extension PostgresTicketStore {
    public func activeDedupKeys() async throws -> Set<String> {
        try await read("list active dedup keys") { session in
            let rows = try await session.rows(
                "SELECT dedup_key FROM tickets WHERE status IN ('open', 'taken') AND dedup_key IS NOT NULL"
            )
            return Set(try rows.map { try $0.makeRandomAccess()[0].decode(String.self) })
        }
    }

    /// Empty sets and nil constrain nothing; newest first, the id breaking ties between tickets
    /// opened in the same millisecond.
    public func tickets(_ filter: TicketFilter) async throws -> [Ticket] {
        let limit = Int64(max(filter.limit, 0))
        let offset = Int64(max(filter.offset, 0))
        return try await read("list tickets") { session in
            try await TicketRow.tickets(
                Self.query(
                    "SELECT \(TicketRow.columns) FROM tickets", filter,
                    then: "ORDER BY opened_at DESC, id DESC LIMIT \(limit) OFFSET \(offset)"
                ),
                in: session
            )
        }
    }

    public func ticketCount(_ filter: TicketFilter) async throws -> Int {
        try await read("count tickets") { session in
            Int(try await session.value(Self.query("SELECT count(*) FROM tickets", filter, then: ""), as: Int64.self) ?? 0)
        }
    }

    /// `select` with the WHERE clause of `filter`, then `tail`. One statement text for every
    /// filter: each constraint is skipped by its own parameter (an empty array, a NULL).
    private static func query(_ select: String, _ filter: TicketFilter, then tail: String) -> PostgresQuery {
        let statuses = filter.statuses.map(\.rawValue)
        let codes = filter.codes.map(\.rawValue)
        let caseID = filter.caseID?.rawValue
        let activeFrom = filter.activeWithin?.start.millisecondsSince1970
        let activeTo = filter.activeWithin?.end.millisecondsSince1970
        return """
            \(unescaped: select)
            WHERE (cardinality(\(statuses)::text[]) = 0 OR status = ANY(\(statuses)::text[]))
                AND (cardinality(\(codes)::text[]) = 0 OR code = ANY(\(codes)::text[]))
                AND (\(filter.customer)::text IS NULL OR customer = \(filter.customer)::text)
                AND (\(caseID)::text IS NULL OR case_id = \(caseID)::text)
                AND (\(filter.targetID)::text IS NULL OR target_id = \(filter.targetID)::text)
                AND (\(activeTo)::bigint IS NULL OR opened_at < \(activeTo)::bigint)
                AND (\(activeFrom)::bigint IS NULL OR resolved_at IS NULL OR resolved_at >= \(activeFrom)::bigint)
            \(unescaped: tail)
            """
    }

    public func ticket(id: Int64) async throws -> Ticket? {
        try await read("read ticket \(id)") { session in try await Self.ticket(id: id, in: session) }
    }

    public func events(ticketID: Int64) async throws -> [TicketEvent] {
        try await read("read events of ticket \(ticketID)") { session in
            try await EventRow.events(
                "SELECT \(unescaped: EventRow.columns) FROM ticket_events WHERE ticket_id = \(ticketID) ORDER BY at, id",
                in: session
            ).map { $0.event }
        }
    }

    public func events(ticketIDs: [Int64]) async throws -> [Int64: [TicketEvent]] {
        try await read("read events of \(ticketIDs.count) tickets") { session in
            let events = try await EventRow.events(
                """
                SELECT \(unescaped: EventRow.columns) FROM ticket_events WHERE ticket_id = ANY(\(ticketIDs)::bigint[])
                ORDER BY ticket_id, at, id
                """,
                in: session
            )
            return Dictionary(grouping: events.map(\.event), by: \.ticketID)
        }
    }
}
