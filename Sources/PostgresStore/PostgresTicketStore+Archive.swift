import Foundation
import PostgresNIO
import TicketStore
import TriageCore

/// Export and import (`StoreArchive`) on PostgreSQL. Rows keep their ids; unlike SQLite's
/// `AUTOINCREMENT`, an identity column's sequence does not see ids inserted explicitly, so
/// ``finishImport(routedThrough:)`` moves each sequence past the largest id imported.
extension PostgresTicketStore: StoreArchive {
    /// The tables whose ids come from an identity sequence.
    private static let identityTables = ["tickets", "ticket_events", "deliveries"]

    public func archiveContents() async throws -> ArchiveCounts {
        try await read("count tickets, results and accounts") { session in
            ArchiveCounts(
                tickets: Int(try await session.value("SELECT count(*) FROM tickets", as: Int64.self) ?? 0),
                results: Int(
                    try await session.value("SELECT count(*) FROM (SELECT 1 FROM probe_results LIMIT 1) AS one", as: Int64.self)
                        ?? 0
                ),
                accounts: Int(try await session.value("SELECT count(*) FROM accounts", as: Int64.self) ?? 0)
            )
        }
    }

    public func archivedTickets(after id: Int64, limit: Int) async throws -> [ArchivedTicket] {
        try await read("export tickets") { session in
            try await session.rows(
                """
                SELECT \(unescaped: TicketRow.columns), escalation_steps, escalation_reminders FROM tickets
                WHERE id > \(id) ORDER BY id LIMIT \(Int64(limit))
                """
            ).map { row in
                let cells = row.makeRandomAccess()
                return ArchivedTicket(
                    ticket: try TicketRow.ticket(from: row),
                    escalationSteps: Int(try cells["escalation_steps"].decode(Int32.self)),
                    escalationReminders: Int(try cells["escalation_reminders"].decode(Int32.self))
                )
            }
        }
    }

    public func archivedEvents(after id: Int64, limit: Int) async throws -> [ArchivedEvent] {
        try await read("export ticket events") { session in
            try await EventRow.events(
                "SELECT \(unescaped: EventRow.columns) FROM ticket_events WHERE id > \(id) ORDER BY id LIMIT \(Int64(limit))",
                in: session
            ).map { ArchivedEvent(id: $0.id, event: $0.event) }
        }
    }

    public func archivedDeliveries(after id: Int64, limit: Int) async throws -> [ArchivedDelivery] {
        try await read("export deliveries") { session in
            try await session.rows(
                """
                SELECT id, event_id, channel, created_at, attempts, next_attempt_at, delivered_at, last_error
                FROM deliveries WHERE id > \(id) ORDER BY id LIMIT \(Int64(limit))
                """
            ).map { row in
                let cells = row.makeRandomAccess()
                return ArchivedDelivery(
                    id: try cells["id"].decode(Int64.self), eventID: try cells["event_id"].decode(Int64.self),
                    channel: try cells["channel"].decode(String.self),
                    createdAt: Date(millisecondsSince1970: try cells["created_at"].decode(Int64.self)),
                    attempts: Int(try cells["attempts"].decode(Int32.self)),
                    nextAttemptAt: Date(millisecondsSince1970: try cells["next_attempt_at"].decode(Int64.self)),
                    deliveredAt: try cells["delivered_at"].decode(Int64?.self).map(Date.init(millisecondsSince1970:)),
                    lastError: try cells["last_error"].decode(String?.self)
                )
            }
        }
    }

    /// Reads through the `(check_id, started_at)` index with a row comparison, which it serves as one range.
    public func archivedResults(after key: ResultKey?, limit: Int) async throws -> [ProbeResult] {
        try await read("export probe results") { session in
            let after: PostgresQuery =
                if let key {
                    """
                    SELECT \(unescaped: ResultRows.columns) FROM probe_results
                    WHERE (check_id, started_at) > (\(key.checkID)::text, \(key.startedAt)::int8)
                    ORDER BY check_id, started_at LIMIT \(Int64(limit))
                    """
                } else {
                    "SELECT \(unescaped: ResultRows.columns) FROM probe_results ORDER BY check_id, started_at LIMIT \(Int64(limit))"
                }
            let rows = try await session.rows(after).map(ResultRows.result(from:))
            let page = ResultKey.cut(rows, limit: limit)
            guard let reread = page.reread else { return page.kept }
            return page.kept + (try await session.rows(
                """
                SELECT \(unescaped: ResultRows.columns) FROM probe_results
                WHERE check_id = \(reread.checkID) AND started_at = \(reread.startedAt)
                """
            ).map(ResultRows.result(from:)))
        }
    }

    public func routedThrough() async throws -> Int64 {
        try await read("read the routing cursor") { session in
            try await session.value("SELECT last_event_id FROM notification_cursor WHERE id = 1", as: Int64.self) ?? 0
        }
    }

    /// Each ticket goes through the store's one insert of tickets, then moves to its archived id
    /// (no event refers to it yet); ``finishImport(routedThrough:)`` puts the sequence back in step.
    public func importTickets(_ tickets: [ArchivedTicket]) async throws {
        try await write("import \(tickets.count) tickets", lock: nil) { session in
            for archived in tickets {
                let inserted = try await TicketRow.insert(archived.ticket, in: session)
                try await session.execute(
                    """
                    UPDATE tickets SET id = \(archived.ticket.id), escalation_steps = \(archived.escalationSteps),
                        escalation_reminders = \(archived.escalationReminders)
                    WHERE id = \(inserted.id)
                    """
                )
            }
        }
    }

    public func importEvents(_ events: [ArchivedEvent]) async throws {
        try await write("import \(events.count) ticket events", lock: nil) { session in
            for archived in events {
                let event = archived.event
                try await session.execute(
                    """
                    INSERT INTO ticket_events (id, ticket_id, at, kind, actor, detail, level)
                    VALUES (\(archived.id), \(event.ticketID), \(event.at.millisecondsSince1970), \(event.kind.rawValue),
                        \(event.actor), \(event.detail), \(event.level))
                    """
                )
            }
        }
    }

    public func importDeliveries(_ deliveries: [ArchivedDelivery]) async throws {
        try await write("import \(deliveries.count) deliveries", lock: nil) { session in
            for delivery in deliveries {
                try await session.execute(
                    """
                    INSERT INTO deliveries (id, event_id, channel, created_at, attempts, next_attempt_at, delivered_at, last_error)
                    VALUES (\(delivery.id), \(delivery.eventID), \(delivery.channel), \(delivery.createdAt.millisecondsSince1970),
                        \(delivery.attempts), \(delivery.nextAttemptAt.millisecondsSince1970),
                        \(delivery.deliveredAt?.millisecondsSince1970), \(delivery.lastError))
                    """
                )
            }
        }
    }

    public func importAccounts(_ accounts: [Account], tokens: [APITokenRecord]) async throws {
        try await write("import \(accounts.count) accounts and \(tokens.count) tokens", lock: nil) { session in
            for account in accounts {
                try await session.execute(
                    """
                    INSERT INTO accounts (name, role, password_hash, created_at, disabled_at)
                    VALUES (\(account.name), \(account.role.rawValue), \(account.passwordHash), \(account.createdAt.millisecondsSince1970),
                            \(account.disabledAt?.millisecondsSince1970))
                    """
                )
            }
            for token in tokens {
                try await session.execute(
                    """
                    INSERT INTO api_tokens (digest, account, label, created_at, last_used_at)
                    VALUES (\(token.digest), \(token.account), \(token.label), \(token.createdAt.millisecondsSince1970),
                            \(token.lastUsedAt?.millisecondsSince1970))
                    """
                )
            }
        }
    }

    public func finishImport(routedThrough eventID: Int64) async throws {
        try await write("finish the import", lock: .tickets) { session in
            try await session.execute("UPDATE notification_cursor SET last_event_id = \(eventID) WHERE id = 1")
            for table in Self.identityTables {
                try await session.execute(
                    PostgresQuery(
                        unsafeSQL: """
                            SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM \(table)
                            """
                    )
                )
            }
        }
    }
}
