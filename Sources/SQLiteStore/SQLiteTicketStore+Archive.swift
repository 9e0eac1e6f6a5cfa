import Foundation
import GRDB
import TicketStore
import TriageCore

/// Export and import (`StoreArchive`) on the SQLite file. Rows keep their ids: `AUTOINCREMENT`
/// moves the file's id generators past any id inserted explicitly, so after an import the next
/// ticket, event and delivery get fresh ids without more work.
extension SQLiteTicketStore: StoreArchive {
    public func archiveContents() async throws -> ArchiveCounts {
        try await read("count tickets, results and accounts") { db in
            ArchiveCounts(
                tickets: try Int.fetchOne(db, sql: "SELECT count(*) FROM tickets") ?? 0,
                results: try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM probe_results LIMIT 1)") ?? 0,
                accounts: try Int.fetchOne(db, sql: "SELECT count(*) FROM accounts") ?? 0
            )
        }
    }

    public func archivedTickets(after id: Int64, limit: Int) async throws -> [ArchivedTicket] {
        try await read("export tickets") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM tickets WHERE id > ? ORDER BY id LIMIT ?", arguments: [id, limit]).map {
                ArchivedTicket(
                    ticket: try TicketRecord(row: $0).ticket, escalationSteps: $0["escalation_steps"],
                    escalationReminders: $0["escalation_reminders"]
                )
            }
        }
    }

    public func archivedEvents(after id: Int64, limit: Int) async throws -> [ArchivedEvent] {
        try await read("export ticket events") { db in
            try TicketEventRecord.fetchAll(
                db, sql: "SELECT * FROM ticket_events WHERE id > ? ORDER BY id LIMIT ?", arguments: [id, limit]
            ).map { ArchivedEvent(id: $0.id ?? 0, event: $0.event) }
        }
    }

    public func archivedDeliveries(after id: Int64, limit: Int) async throws -> [ArchivedDelivery] {
        try await read("export deliveries") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM deliveries WHERE id > ? ORDER BY id LIMIT ?", arguments: [id, limit]).map {
                ArchivedDelivery(
                    id: $0["id"], eventID: $0["event_id"], channel: $0["channel"],
                    createdAt: Date(millisecondsSince1970: $0["created_at"]), attempts: $0["attempts"],
                    nextAttemptAt: Date(millisecondsSince1970: $0["next_attempt_at"]),
                    deliveredAt: ($0["delivered_at"] as Int64?).map(Date.init(millisecondsSince1970:)),
                    lastError: $0["last_error"]
                )
            }
        }
    }

    /// Reads through the `(check_id, started_at)` index, as every other read of results does.
    public func archivedResults(after key: ResultKey?, limit: Int) async throws -> [ProbeResult] {
        try await read("export probe results") { db in
            let select = "SELECT \(ProbeResultRecord.columns) FROM probe_results"
            let rows = try ProbeResultRecord.results(
                db,
                sql: key == nil
                    ? "\(select) ORDER BY check_id, started_at LIMIT ?"
                    : "\(select) WHERE (check_id, started_at) > (?, ?) ORDER BY check_id, started_at LIMIT ?",
                arguments: key.map { [$0.checkID, $0.startedAt, limit] } ?? [limit]
            )
            let page = ResultKey.cut(rows, limit: limit)
            guard let reread = page.reread else { return page.kept }
            return page.kept + (try ProbeResultRecord.results(
                db, sql: "\(select) WHERE check_id = ? AND started_at = ?", arguments: [reread.checkID, reread.startedAt]
            ))
        }
    }

    public func routedThrough() async throws -> Int64 {
        try await read("read the routing cursor") { db in
            try Int64.fetchOne(db, sql: "SELECT last_event_id FROM notification_cursor WHERE id = 1") ?? 0
        }
    }

    public func importTickets(_ tickets: [ArchivedTicket]) async throws {
        try await write("import \(tickets.count) tickets") { db in
            for archived in tickets {
                var record = TicketRecord(archived.ticket)
                try record.insert(db)
                try db.execute(
                    sql: "UPDATE tickets SET escalation_steps = ?, escalation_reminders = ? WHERE id = ?",
                    arguments: [archived.escalationSteps, archived.escalationReminders, archived.ticket.id]
                )
            }
        }
    }

    public func importEvents(_ events: [ArchivedEvent]) async throws {
        try await write("import \(events.count) ticket events") { db in
            for archived in events {
                var record = TicketEventRecord(archived.event)
                record.id = archived.id
                try record.insert(db)
            }
        }
    }

    public func importDeliveries(_ deliveries: [ArchivedDelivery]) async throws {
        try await write("import \(deliveries.count) deliveries") { db in
            let insert = try db.cachedStatement(sql: """
                INSERT INTO deliveries (id, event_id, channel, created_at, attempts, next_attempt_at, delivered_at, last_error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for delivery in deliveries {
                try insert.execute(arguments: [
                    delivery.id, delivery.eventID, delivery.channel, delivery.createdAt.millisecondsSince1970,
                    delivery.attempts, delivery.nextAttemptAt.millisecondsSince1970,
                    delivery.deliveredAt?.millisecondsSince1970, delivery.lastError,
                ])
            }
        }
    }

    public func importAccounts(_ accounts: [Account], tokens: [APITokenRecord]) async throws {
        try await write("import \(accounts.count) accounts and \(tokens.count) tokens") { db in
            for account in accounts {
                try db.execute(
                    sql: "INSERT INTO accounts (\(Self.accountColumns)) VALUES (?, ?, ?, ?, ?)",
                    arguments: [
                        account.name, account.role.rawValue, account.passwordHash, account.createdAt.millisecondsSince1970,
                        account.disabledAt?.millisecondsSince1970,
                    ]
                )
            }
            for token in tokens {
                try db.execute(
                    sql: "INSERT INTO api_tokens (digest, account, label, created_at, last_used_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [
                        token.digest, token.account, token.label, token.createdAt.millisecondsSince1970,
                        token.lastUsedAt?.millisecondsSince1970,
                    ]
                )
            }
        }
    }

    public func finishImport(routedThrough eventID: Int64) async throws {
        try await write("set the routing cursor") { db in
            try db.execute(sql: "UPDATE notification_cursor SET last_event_id = ? WHERE id = 1", arguments: [eventID])
        }
    }
}
