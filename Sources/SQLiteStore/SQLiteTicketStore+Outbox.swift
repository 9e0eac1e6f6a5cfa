import Foundation
import GRDB
import TicketStore
import TriageCore

extension SQLiteTicketStore: NotificationOutbox {
    public func unroutedNotifications(limit: Int) async throws -> RoutingBatch {
        try await read("read events to notify") { db in
            let cursor = try Int64.fetchOne(db, sql: "SELECT last_event_id FROM notification_cursor WHERE id = 1") ?? 0
            let events = try TicketEventRecord.fetchAll(
                db, sql: "SELECT * FROM ticket_events WHERE id > ? ORDER BY id LIMIT ?", arguments: [cursor, limit]
            )
            let notifying = events.filter(\.kind.notifies)
            let tickets = try Self.tickets(ids: Set(notifying.map(\.ticketID)), in: db)
            let notifications = notifying.compactMap { record in
                tickets[record.ticketID].map { TicketNotification(eventID: record.id ?? 0, event: record.event, ticket: $0) }
            }
            return RoutingBatch(notifications: notifications, throughEventID: events.last?.id)
        }
    }

    public func enqueue(_ deliveries: [QueuedDelivery], through lastEventID: Int64, at: Date) async throws {
        let now = at.millisecondsSince1970
        try await write("queue \(deliveries.count) deliveries") { db in
            let insert = try db.cachedStatement(sql: """
                INSERT INTO deliveries (event_id, channel, created_at, next_attempt_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (event_id, channel) DO NOTHING
                """)
            for delivery in deliveries {
                try insert.execute(arguments: [delivery.eventID, delivery.channel, now, now])
            }
            try db.execute(
                sql: "UPDATE notification_cursor SET last_event_id = max(last_event_id, ?) WHERE id = 1",
                arguments: [lastEventID]
            )
        }
    }

    public func claimDeliveries(at now: Date, lease: Duration, limit: Int) async throws -> [PendingDelivery] {
        let nowMilliseconds = now.millisecondsSince1970
        return try await write("claim due deliveries") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, event_id, channel, attempts FROM deliveries
                    WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?
                    """,
                arguments: [nowMilliseconds, limit]
            )
            guard !rows.isEmpty else { return [] }
            let ids: [Int64] = rows.map { $0["id"] }
            try db.execute(
                sql: "UPDATE deliveries SET next_attempt_at = ? WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments([nowMilliseconds + lease.milliseconds] + ids)
            )
            let eventIDs: [Int64] = rows.map { $0["event_id"] }
            let events = try TicketEventRecord.fetchAll(db, keys: eventIDs)
            let eventsByID = Dictionary(uniqueKeysWithValues: events.compactMap { record in record.id.map { ($0, record) } })
            let tickets = try Self.tickets(ids: Set(events.map(\.ticketID)), in: db)
            return rows.compactMap { row -> PendingDelivery? in
                let eventID: Int64 = row["event_id"]
                guard let event = eventsByID[eventID], let ticket = tickets[event.ticketID] else { return nil }
                return PendingDelivery(
                    id: row["id"], channel: row["channel"], attempts: row["attempts"],
                    notification: TicketNotification(eventID: eventID, event: event.event, ticket: ticket)
                )
            }
        }
    }

    public func recordDelivered(_ id: Int64, at: Date) async throws {
        try await write("record delivery \(id)") { db in
            try db.execute(
                sql: "UPDATE deliveries SET delivered_at = ?, attempts = attempts + 1 WHERE id = ?",
                arguments: [at.millisecondsSince1970, id]
            )
        }
    }

    public func recordFailedDelivery(_ id: Int64, error: String, retryAt: Date) async throws {
        try await write("record failed delivery \(id)") { db in
            try db.execute(
                sql: "UPDATE deliveries SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                arguments: [error, retryAt.millisecondsSince1970, id]
            )
        }
    }

    /// One transaction for the whole sweep, so a take committed meanwhile by another process either
    /// lands first (the ticket is no longer open) or after the escalation is recorded.
    public func recordEscalations(at now: Date, policy: EscalationPolicy) async throws -> [TicketEvent] {
        guard !policy.steps.isEmpty || policy.reminder != nil, !policy.codes.isEmpty else { return [] }
        return try await write("record escalations") { db in
            let codes = policy.codes.map(\.rawValue)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM tickets WHERE status = 'open'
                    AND code IN (\(codes.map { _ in "?" }.joined(separator: ",")))
                    """,
                arguments: StatementArguments(codes)
            )
            var recorded: [TicketEvent] = []
            for row in rows {
                let record = try TicketRecord(row: row)
                let ticket = record.ticket
                let stepsFired: Int = row["escalation_steps"]
                let remindersFired: Int = row["escalation_reminders"]
                guard let due = policy.due(for: ticket, stepsFired: stepsFired, remindersFired: remindersFired, at: now)
                else { continue }
                try db.execute(
                    sql: "UPDATE tickets SET escalation_steps = ?, escalation_reminders = ? WHERE id = ?",
                    arguments: [due.step ?? stepsFired, due.reminder ?? remindersFired, ticket.id]
                )
                recorded += try Self.appendEscalationEvents(due, of: ticket, policy: policy, at: now, in: db)
            }
            return recorded
        }
    }

    public func deliveries(ticketID: Int64) async throws -> [DeliveryRecord] {
        try await read("read deliveries of ticket \(ticketID)") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.*, e.kind AS event_kind FROM deliveries d JOIN ticket_events e ON e.id = d.event_id
                    WHERE e.ticket_id = ? ORDER BY d.id
                    """,
                arguments: [ticketID]
            ).map { row in
                let kindName: String = row["event_kind"]
                guard let kind = TicketEventKind(rawValue: kindName) else {
                    throw DatabaseError(message: "ticket_events holds an unknown event kind \"\(kindName)\"")
                }
                return DeliveryRecord(
                    id: row["id"], eventID: row["event_id"], eventKind: kind, channel: row["channel"], attempts: row["attempts"],
                    deliveredAt: (row["delivered_at"] as Int64?).map(Date.init(millisecondsSince1970:)),
                    lastError: row["last_error"]
                )
            }
        }
    }

    private static func appendEscalationEvents(
        _ due: EscalationDue, of ticket: Ticket, policy: EscalationPolicy, at now: Date, in db: Database
    ) throws -> [TicketEvent] {
        let events = AuditText.escalation(due, of: ticket, policy: policy, at: now)
        for event in events {
            var record = TicketEventRecord(event)
            try record.insert(db)
        }
        return events
    }

    /// The tickets with these ids, by id.
    static func tickets(ids: Set<Int64>, in db: Database) throws -> [Int64: Ticket] {
        guard !ids.isEmpty else { return [:] }
        let records = try TicketRecord.fetchAll(db, keys: Array(ids))
        return Dictionary(uniqueKeysWithValues: records.map { ($0.ticket.id, $0.ticket) })
    }
}
