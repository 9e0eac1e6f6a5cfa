import Foundation
import GRDB
import TicketStore
import TriageCore

extension SQLiteTicketStore {
    /// The page and the count in one read transaction, so the total matches the page even while
    /// incidents are raised beside it. SQLite sorts the queue with a top-N sort bounded by
    /// `offset + limit`, decoding only the page's rows.
    public func workQueue(_ query: WorkQueueQuery) async throws -> WorkQueuePage {
        try await read("read the work queue") { db in
            let matching = Self.queue(query)
            let tickets = try matching
                .order(SQL(sql: WorkQueueQuery.urgencySQL), Column("deadline"), Column("id"))
                .limit(max(query.limit, 0), offset: max(query.offset, 0))
                .fetchAll(db)
                .map(\.ticket)
            return WorkQueuePage(tickets: tickets, total: try matching.fetchCount(db))
        }
    }

    /// The open tickets whose window has opened at `query.now`, of its codes and customer.
    private static func queue(_ query: WorkQueueQuery) -> QueryInterfaceRequest<TicketRecord> {
        let now = query.now.millisecondsSince1970
        var request = TicketRecord.filter(Column("status") == TicketStatus.open.rawValue)
            .filter(Column("not_before") == nil || Column("not_before") <= now)
        if !query.codes.isEmpty {
            request = request.filter(query.codes.map(\.rawValue).contains(Column("code")))
        }
        if let customer = query.customer {
            request = request.filter(Column("customer") == customer)
        }
        return request
    }
}
