import Foundation
import GRDB
import TicketStore
import TriageCore

/// Suspicions on SQLite: each change is one IMMEDIATE transaction, so two processes opening a
/// suspicion on one check at once join one row rather than opening two.
extension SQLiteTicketStore: Suspicions {
    public func openSuspicion(_ opening: SuspicionOpening) async throws -> Suspicion {
        try await write("open a suspicion on \(opening.checkID)") { db in
            let verdict = opening.verdict
            let at = verdict.at.millisecondsSince1970
            let open = try Int64.fetchOne(
                db,
                sql: """
                    SELECT id FROM suspicions WHERE check_id = ? AND kind = ? AND closed_at IS NULL AND expires_at > ?
                    ORDER BY id LIMIT 1
                    """,
                arguments: [opening.checkID, opening.kind.rawValue, at]
            )
            let id: Int64
            if let open {
                id = open
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO suspicions (check_id, kind, required, opened_by, opened_in, opened_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        opening.checkID, opening.kind.rawValue, opening.required, verdict.node, verdict.location, at,
                        opening.expiresAt.millisecondsSince1970,
                    ]
                )
                id = db.lastInsertedRowID
            }
            try Self.insert(verdict, on: id, in: db)
            guard let suspicion = try Self.suspicions(where: "s.id = ?", [id], in: db).first else {
                throw TicketStoreError(
                    operation: "open a suspicion on \(opening.checkID)", location: "suspicions", message: "row \(id) vanished in its own transaction"
                )
            }
            return suspicion
        }
    }

    public func recordVerdict(_ verdict: LocationVerdict, on id: Int64) async throws {
        try await write("record the verdict of node \(verdict.node) on suspicion \(id)") { db in
            try Self.insert(verdict, on: id, in: db)
        }
    }

    public func suspicion(id: Int64) async throws -> Suspicion? {
        try await read("read suspicion \(id)") { db in try Self.suspicions(where: "s.id = ?", [id], in: db).first }
    }

    public func openSuspicions(at now: Date) async throws -> [Suspicion] {
        try await read("list the open suspicions") { db in
            try Self.suspicions(where: "s.closed_at IS NULL AND s.expires_at > ?", [now.millisecondsSince1970], in: db)
        }
    }

    public func closeSuspicion(_ id: Int64, as outcome: Suspicion.Outcome, at now: Date) async throws {
        try await write("close suspicion \(id)") { db in
            try db.execute(
                sql: "UPDATE suspicions SET outcome = ?, closed_at = ? WHERE id = ? AND closed_at IS NULL",
                arguments: [outcome.rawValue, now.millisecondsSince1970, id]
            )
        }
    }

    /// The verdicts go by the foreign key's `ON DELETE CASCADE` (GRDB turns foreign keys on).
    public func pruneSuspicions(endedBefore cutoff: Date) async throws -> Int {
        try await write("prune suspicions") { db in
            try db.execute(
                sql: "DELETE FROM suspicions WHERE COALESCE(closed_at, expires_at) < ?", arguments: [cutoff.millisecondsSince1970]
            )
            return db.changesCount
        }
    }

    public func recentSuspicions(limit: Int) async throws -> [Suspicion] {
        try await read("list the recent suspicions") { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM suspicions ORDER BY id DESC LIMIT ?", arguments: [limit])
            guard let oldest = ids.last else { return [] }
            return try Self.suspicions(where: "s.id >= ?", [oldest], in: db).reversed()
        }
    }

    private static func insert(_ verdict: LocationVerdict, on id: Int64, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO suspicion_verdicts (suspicion_id, node, location, failed, reason, at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (suspicion_id, node) DO NOTHING
                """,
            arguments: [id, verdict.node, verdict.location, verdict.failed, verdict.reason, verdict.at.millisecondsSince1970]
        )
    }

    /// The suspicions matching `condition` (on alias `s`), oldest first, each with its verdicts in the order they came.
    private static func suspicions(where condition: String, _ arguments: StatementArguments, in db: Database) throws -> [Suspicion] {
        var found: [Suspicion] = []
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, s.check_id, s.kind, s.required, s.opened_by, s.opened_in, s.opened_at, s.expires_at,
                    s.outcome, s.closed_at, v.node, v.location, v.failed, v.reason, v.at
                FROM suspicions s LEFT JOIN suspicion_verdicts v ON v.suspicion_id = s.id
                WHERE \(condition) ORDER BY s.id, v.at, v.node
                """,
            arguments: arguments
        ) {
            let id: Int64 = row[0]
            if found.last?.id != id {
                found.append(
                    Suspicion(
                        id: id, checkID: row[1], kind: FindingKind(rawValue: row[2]) ?? .down, required: row[3],
                        openedBy: row[4], openedIn: row[5], openedAt: Date(millisecondsSince1970: row[6]),
                        expiresAt: Date(millisecondsSince1970: row[7]),
                        outcome: (row[8] as String?).flatMap(Suspicion.Outcome.init(rawValue:)),
                        closedAt: (row[9] as Int64?).map(Date.init(millisecondsSince1970:)), verdicts: []
                    )
                )
            }
            guard let node: String = row[10] else { continue }
            found[found.count - 1].verdicts.append(
                LocationVerdict(node: node, location: row[11], failed: row[12], reason: row[13], at: Date(millisecondsSince1970: row[14]))
            )
        }
        return found
    }
}
