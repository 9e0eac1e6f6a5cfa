import Foundation
import GRDB
import TicketStore
import TriageCore

extension SQLiteTicketStore {
    public func activeDedupKeys() async throws -> Set<String> {
        try await read("list active dedup keys") { db in
            let keys = try String.fetchAll(
                db,
                sql: "SELECT dedup_key FROM tickets WHERE status IN ('open', 'taken') AND dedup_key IS NOT NULL"
            )
            return Set(keys)
        }
    }

    public func tickets(_ filter: TicketFilter) async throws -> [Ticket] {
        try await read("list tickets") { db in
            try Self.request(for: filter).fetchAll(db).map(\.ticket)
        }
    }

    public func ticketCount(_ filter: TicketFilter) async throws -> Int {
        try await read("count tickets") { db in try Self.matching(filter).fetchCount(db) }
    }

    public func ticket(id: Int64) async throws -> Ticket? {
        try await read("read ticket \(id)") { db in
            try TicketRecord.fetchOne(db, key: id)?.ticket
        }
    }

    public func events(ticketID: Int64) async throws -> [TicketEvent] {
        try await read("read events of ticket \(ticketID)") { db in
            try TicketEventRecord.fetchAll(
                db,
                sql: "SELECT * FROM ticket_events WHERE ticket_id = ? ORDER BY at, id",
                arguments: [ticketID]
            ).map(\.event)
        }
    }

    public func events(ticketIDs: [Int64]) async throws -> [Int64: [TicketEvent]] {
        try await read("read events of \(ticketIDs.count) tickets") { db in
            var trails: [Int64: [TicketEvent]] = [:]
            // Chunks keep each statement well under SQLite's limit on bound parameters.
            for chunk in stride(from: 0, to: ticketIDs.count, by: 500).map({ ticketIDs[$0..<min($0 + 500, ticketIDs.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let events = try TicketEventRecord.fetchAll(
                    db, sql: "SELECT * FROM ticket_events WHERE ticket_id IN (\(marks)) ORDER BY ticket_id, at, id",
                    arguments: StatementArguments(Array(chunk))
                )
                for record in events { trails[record.event.ticketID, default: []].append(record.event) }
            }
            return trails
        }
    }

    /// The query of `filter`: empty sets and nil constrain nothing; newest first, the id breaking ties
    /// between tickets opened in the same millisecond.
    private static func request(for filter: TicketFilter) -> QueryInterfaceRequest<TicketRecord> {
        matching(filter)
            .order(Column("opened_at").desc, Column("id").desc)
            .limit(max(filter.limit, 0), offset: max(filter.offset, 0))
    }

    /// The tickets `filter` selects, in no order and without its limit.
    private static func matching(_ filter: TicketFilter) -> QueryInterfaceRequest<TicketRecord> {
        var request = TicketRecord.all()
        if !filter.statuses.isEmpty {
            request = request.filter(filter.statuses.map(\.rawValue).contains(Column("status")))
        }
        if !filter.codes.isEmpty {
            request = request.filter(filter.codes.map(\.rawValue).contains(Column("code")))
        }
        if let customer = filter.customer {
            request = request.filter(Column("customer") == customer)
        }
        if let caseID = filter.caseID {
            request = request.filter(Column("case_id") == caseID.rawValue)
        }
        if let targetID = filter.targetID {
            request = request.filter(Column("target_id") == targetID)
        }
        if let interval = filter.activeWithin {
            request = request.filter(
                Column("opened_at") < interval.end.millisecondsSince1970
                    && (Column("resolved_at") == nil || Column("resolved_at") >= interval.start.millisecondsSince1970)
            )
        }
        return request
    }
}
