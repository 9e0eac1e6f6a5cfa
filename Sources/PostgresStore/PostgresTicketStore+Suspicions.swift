import Foundation
import PostgresNIO
import TicketStore
import TriageCore

/// Suspicions on PostgreSQL. Opening one takes the ticket lock, so two nodes suspecting one check
/// at the same moment join one suspicion; verdicts are plain inserts (one per node and suspicion,
/// by the primary key), and reads are snapshots.
extension PostgresTicketStore: Suspicions {
    private static let columns = """
        SELECT id, check_id, kind, required, opened_by, opened_in, opened_at, expires_at, outcome, closed_at FROM suspicions
        """

    public func openSuspicion(_ opening: SuspicionOpening) async throws -> Suspicion {
        let verdict = opening.verdict
        let at = verdict.at.millisecondsSince1970
        return try await write("open a suspicion on \(opening.checkID)") { session in
            var id = try await session.value(
                """
                SELECT id FROM suspicions WHERE check_id = \(opening.checkID) AND kind = \(opening.kind.rawValue)
                    AND closed_at IS NULL AND expires_at > \(at) ORDER BY id LIMIT 1
                """,
                as: Int64.self
            )
            if id == nil {
                id = try await session.value(
                    """
                    INSERT INTO suspicions (check_id, kind, required, opened_by, opened_in, opened_at, expires_at)
                    VALUES (\(opening.checkID), \(opening.kind.rawValue), \(opening.required), \(verdict.node),
                        \(verdict.location), \(at), \(opening.expiresAt.millisecondsSince1970))
                    RETURNING id
                    """,
                    as: Int64.self
                )
            }
            guard let id else {
                throw TicketStoreError(operation: "open a suspicion on \(opening.checkID)", location: "suspicions", message: "no id returned")
            }
            try await Self.insert(verdict, on: id, in: session)
            return try await Self.suspicions(session.rows("\(unescaped: Self.columns) WHERE id = \(id)"), in: session)[0]
        }
    }

    public func recordVerdict(_ verdict: LocationVerdict, on id: Int64) async throws {
        try await write("record the verdict of node \(verdict.node) on suspicion \(id)", lock: nil) { session in
            try await Self.insert(verdict, on: id, in: session)
        }
    }

    public func suspicion(id: Int64) async throws -> Suspicion? {
        try await read("read suspicion \(id)") { session in
            try await Self.suspicions(session.rows("\(unescaped: Self.columns) WHERE id = \(id)"), in: session).first
        }
    }

    public func openSuspicions(at now: Date) async throws -> [Suspicion] {
        try await read("list the open suspicions") { session in
            try await Self.suspicions(
                session.rows("\(unescaped: Self.columns) WHERE closed_at IS NULL AND expires_at > \(now.millisecondsSince1970) ORDER BY id"),
                in: session
            )
        }
    }

    public func closeSuspicion(_ id: Int64, as outcome: Suspicion.Outcome, at now: Date) async throws {
        try await write("close suspicion \(id)", lock: nil) { session in
            try await session.execute(
                """
                UPDATE suspicions SET outcome = \(outcome.rawValue), closed_at = \(now.millisecondsSince1970)
                WHERE id = \(id) AND closed_at IS NULL
                """
            )
        }
    }

    /// The verdicts go by the foreign key's `ON DELETE CASCADE`.
    public func pruneSuspicions(endedBefore cutoff: Date) async throws -> Int {
        try await write("prune suspicions", lock: nil) { session in
            let rows = try await session.rows(
                "DELETE FROM suspicions WHERE COALESCE(closed_at, expires_at) < \(cutoff.millisecondsSince1970) RETURNING id"
            )
            return rows.count
        }
    }

    public func recentSuspicions(limit: Int) async throws -> [Suspicion] {
        try await read("list the recent suspicions") { session in
            try await Self.suspicions(session.rows("\(unescaped: Self.columns) ORDER BY id DESC LIMIT \(limit)"), in: session)
        }
    }

    private static func insert(_ verdict: LocationVerdict, on id: Int64, in session: PostgresSession) async throws {
        try await session.execute(
            """
            INSERT INTO suspicion_verdicts (suspicion_id, node, location, failed, reason, at)
            VALUES (\(id), \(verdict.node), \(verdict.location), \(verdict.failed), \(verdict.reason), \(verdict.at.millisecondsSince1970))
            ON CONFLICT (suspicion_id, node) DO NOTHING
            """
        )
    }

    /// The suspicions of `rows` (in their order), each with its verdicts in the order they came.
    private static func suspicions(_ rows: [PostgresRow], in session: PostgresSession) async throws -> [Suspicion] {
        var found = try rows.map { row in
            let (id, check, kind, required, openedBy, openedIn, openedAt, expiresAt, outcome, closedAt) = try row.decode(
                (Int64, String, String, Int32, String, String, Int64, Int64, String?, Int64?).self
            )
            return Suspicion(
                id: id, checkID: check, kind: FindingKind(rawValue: kind) ?? .down, required: Int(required), openedBy: openedBy,
                openedIn: openedIn, openedAt: Date(millisecondsSince1970: openedAt), expiresAt: Date(millisecondsSince1970: expiresAt),
                outcome: outcome.flatMap(Suspicion.Outcome.init(rawValue:)), closedAt: closedAt.map(Date.init(millisecondsSince1970:)),
                verdicts: []
            )
        }
        let index = Dictionary(uniqueKeysWithValues: found.enumerated().map { ($0.element.id, $0.offset) })
        for row in try await session.rows(
            """
            SELECT suspicion_id, node, location, failed, reason, at FROM suspicion_verdicts
            WHERE suspicion_id = ANY(\(Array(index.keys))::bigint[]) ORDER BY at, node
            """
        ) {
            let (id, node, location, failed, reason, at) = try row.decode((Int64, String, String, Bool, String, Int64).self)
            guard let position = index[id] else { continue }
            found[position].verdicts.append(
                LocationVerdict(node: node, location: location, failed: failed, reason: reason, at: Date(millisecondsSince1970: at))
            )
        }
        return found
    }
}
