import Foundation
import PostgresNIO
import TicketStore
import TriageCore

extension PostgresTicketStore {
    /// The page and the count in one REPEATABLE READ snapshot, so the total matches the page
    /// even while incidents are raised beside it.
    public func workQueue(_ query: WorkQueueQuery) async throws -> WorkQueuePage {
        let limit = Int64(max(query.limit, 0))
        let offset = Int64(max(query.offset, 0))
        return try await read("read the work queue") { session in
            let tickets = try await TicketRow.tickets(
                Self.queue(
                    "SELECT \(TicketRow.columns) FROM tickets", query,
                    then: "ORDER BY \(WorkQueueQuery.urgencySQL), deadline, id LIMIT \(limit) OFFSET \(offset)"
                ),
                in: session
            )
            let total = try await session.value(Self.queue("SELECT count(*) FROM tickets", query, then: ""), as: Int64.self) ?? 0
            return WorkQueuePage(tickets: tickets, total: Int(total))
        }
    }

    /// `select` over the open tickets whose window has opened, filtered as `query` says, then `tail`.
    private static func queue(_ select: String, _ query: WorkQueueQuery, then tail: String) -> PostgresQuery {
        let codes = query.codes.map(\.rawValue)
        let now = query.now.millisecondsSince1970
        return """
            \(unescaped: select)
            WHERE status = 'open' AND (not_before IS NULL OR not_before <= \(now)::bigint)
                AND (cardinality(\(codes)::text[]) = 0 OR code = ANY(\(codes)::text[]))
                AND (\(query.customer)::text IS NULL OR customer = \(query.customer)::text)
            \(unescaped: tail)
            """
    }
}
