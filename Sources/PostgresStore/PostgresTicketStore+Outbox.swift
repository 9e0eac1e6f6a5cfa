import Foundation
import PostgresNIO
import TicketStore
import TriageCore

extension PostgresTicketStore: NotificationOutbox {
    /// Events commit in the order of their ids (they are appended under the ticket lock), so reading
    /// after the cursor in one snapshot never passes an event that commits later with a smaller id.
    public func unroutedNotifications(limit: Int) async throws -> RoutingBatch {
        try await read("read events to notify") { session in
            let cursor = try await session.value("SELECT last_event_id FROM notification_cursor WHERE id = 1", as: Int64.self) ?? 0
            let events = try await EventRow.events(
                "SELECT \(unescaped: EventRow.columns) FROM ticket_events WHERE id > \(cursor) ORDER BY id LIMIT \(Int64(limit))",
                in: session
            )
            let notifying = events.filter { $0.event.kind.notifies }
            let tickets = try await Self.tickets(ids: Set(notifying.map { $0.event.ticketID }), in: session)
            let notifications = notifying.compactMap { row in
                tickets[row.event.ticketID].map { TicketNotification(eventID: row.id, event: row.event, ticket: $0) }
            }
            return RoutingBatch(notifications: notifications, throughEventID: events.last?.id)
        }
    }

    public func enqueue(_ deliveries: [QueuedDelivery], through lastEventID: Int64, at: Date) async throws {
        let now = at.millisecondsSince1970
        try await write("queue \(deliveries.count) deliveries", lock: nil) { session in
            try await session.execute(
                """
                INSERT INTO deliveries (event_id, channel, created_at, next_attempt_at)
                SELECT e, c, \(now), \(now) FROM UNNEST(\(deliveries.map(\.eventID))::int8[], \(deliveries.map(\.channel))::text[]) AS q(e, c)
                ON CONFLICT (event_id, channel) DO NOTHING
                """
            )
            try await session.execute(
                "UPDATE notification_cursor SET last_event_id = GREATEST(last_event_id, \(lastEventID)) WHERE id = 1"
            )
        }
    }

    /// Due rows are locked as they are claimed (`FOR UPDATE SKIP LOCKED`): a second sender claiming
    /// at the same moment skips them, and once the first commits they are no longer due for anyone.
    public func claimDeliveries(at now: Date, lease: Duration, limit: Int) async throws -> [PendingDelivery] {
        let nowMilliseconds = now.millisecondsSince1970
        let leaseEnd = nowMilliseconds + lease.milliseconds
        return try await write("claim due deliveries", lock: nil) { session in
            let claimed = try await session.rows(
                """
                SELECT id, event_id, channel, attempts FROM deliveries
                WHERE delivered_at IS NULL AND next_attempt_at <= \(nowMilliseconds)
                ORDER BY next_attempt_at, id LIMIT \(Int64(limit))
                FOR UPDATE SKIP LOCKED
                """
            ).map { row in
                let cells = row.makeRandomAccess()
                return (
                    id: try cells["id"].decode(Int64.self), eventID: try cells["event_id"].decode(Int64.self),
                    channel: try cells["channel"].decode(String.self), attempts: try cells["attempts"].decode(Int.self)
                )
            }
            guard !claimed.isEmpty else { return [] }
            try await session.execute(
                "UPDATE deliveries SET next_attempt_at = \(leaseEnd) WHERE id = ANY(\(claimed.map { $0.id })::int8[])"
            )
            let events = try await EventRow.events(
                "SELECT \(unescaped: EventRow.columns) FROM ticket_events WHERE id = ANY(\(claimed.map { $0.eventID })::int8[])",
                in: session
            )
            let eventsByID = Dictionary(uniqueKeysWithValues: events.map { ($0.id, $0.event) })
            let tickets = try await Self.tickets(ids: Set(events.map { $0.event.ticketID }), in: session)
            return claimed.compactMap { delivery -> PendingDelivery? in
                guard let event = eventsByID[delivery.eventID], let ticket = tickets[event.ticketID] else { return nil }
                return PendingDelivery(
                    id: delivery.id, channel: delivery.channel, attempts: delivery.attempts,
                    notification: TicketNotification(eventID: delivery.eventID, event: event, ticket: ticket)
                )
            }
        }
    }

    public func recordDelivered(_ id: Int64, at: Date) async throws {
        try await statement(
            "record delivery \(id)",
            "UPDATE deliveries SET delivered_at = \(at.millisecondsSince1970), attempts = attempts + 1 WHERE id = \(id)"
        )
    }

    public func recordFailedDelivery(_ id: Int64, error: String, retryAt: Date) async throws {
        try await statement(
            "record failed delivery \(id)",
            """
            UPDATE deliveries SET attempts = attempts + 1, last_error = \(error),
                next_attempt_at = \(retryAt.millisecondsSince1970)
            WHERE id = \(id)
            """
        )
    }

    /// One transaction under the ticket lock for the whole sweep, so a take committed meanwhile by
    /// another node either lands first (the ticket is no longer open) or after the escalation is recorded.
    public func recordEscalations(at now: Date, policy: EscalationPolicy) async throws -> [TicketEvent] {
        guard !policy.steps.isEmpty || policy.reminder != nil, !policy.codes.isEmpty else { return [] }
        let codes = policy.codes.map(\.rawValue)
        return try await write("record escalations") { session in
            let rows = try await session.rows(
                """
                SELECT \(unescaped: TicketRow.columns), escalation_steps, escalation_reminders FROM tickets
                WHERE status = 'open' AND code = ANY(\(codes)::text[])
                """
            )
            var recorded: [TicketEvent] = []
            for row in rows {
                let ticket = try TicketRow.ticket(from: row)
                let cells = row.makeRandomAccess()
                let stepsFired = try cells["escalation_steps"].decode(Int.self)
                let remindersFired = try cells["escalation_reminders"].decode(Int.self)
                guard let due = policy.due(for: ticket, stepsFired: stepsFired, remindersFired: remindersFired, at: now)
                else { continue }
                try await session.execute(
                    """
                    UPDATE tickets SET escalation_steps = \(due.step ?? stepsFired),
                        escalation_reminders = \(due.reminder ?? remindersFired)
                    WHERE id = \(ticket.id)
                    """
                )
                let events = AuditText.escalation(due, of: ticket, policy: policy, at: now)
                for event in events { try await EventRow.append(event, in: session) }
                recorded += events
            }
            return recorded
        }
    }

    public func deliveries(ticketID: Int64) async throws -> [DeliveryRecord] {
        try await read("read deliveries of ticket \(ticketID)") { session in
            try await session.rows(
                """
                SELECT d.id, d.event_id, e.kind, d.channel, d.attempts, d.delivered_at, d.last_error
                FROM deliveries d JOIN ticket_events e ON e.id = d.event_id
                WHERE e.ticket_id = \(ticketID) ORDER BY d.id
                """
            ).map { row in
                let cells = row.makeRandomAccess()
                return DeliveryRecord(
                    id: try cells["id"].decode(Int64.self), eventID: try cells["event_id"].decode(Int64.self),
                    eventKind: try known(cells["kind"].decode(String.self)), channel: try cells["channel"].decode(String.self),
                    attempts: try cells["attempts"].decode(Int.self),
                    deliveredAt: try cells["delivered_at"].decode(Int64?.self).map(Date.init(millisecondsSince1970:)),
                    lastError: try cells["last_error"].decode(String?.self)
                )
            }
        }
    }

    /// The tickets with these ids, by id.
    static func tickets(ids: Set<Int64>, in session: PostgresSession) async throws -> [Int64: Ticket] {
        guard !ids.isEmpty else { return [:] }
        let tickets = try await TicketRow.tickets(
            "SELECT \(unescaped: TicketRow.columns) FROM tickets WHERE id = ANY(\(Array(ids))::int8[])", in: session
        )
        return Dictionary(uniqueKeysWithValues: tickets.map { ($0.id, $0) })
    }
}
