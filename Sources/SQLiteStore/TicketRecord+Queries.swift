import GRDB

/// The lookups the store's transactions decide by, each answered by one of the table's indexes.
extension TicketRecord {
    /// The active (open or taken) incident with `dedupKey`; the partial unique index allows at most one.
    static func active(dedupKey: String, in db: Database) throws -> TicketRecord? {
        try fetchOne(
            db,
            sql: "SELECT * FROM tickets WHERE dedup_key = ? AND status IN ('open', 'taken')",
            arguments: [dedupKey]
        )
    }

    /// The latest incident with `dedupKey` that recovered by itself (resolved, from a probe, never
    /// taken by a person) after `after`: the one a returning fault reopens.
    static func recovered(dedupKey: String, after: Int64, in db: Database) throws -> TicketRecord? {
        try fetchOne(
            db,
            sql: """
                SELECT * FROM tickets
                WHERE dedup_key = ? AND status = 'resolved' AND source = 'probe' AND taken_at IS NULL
                    AND resolved_at > ?
                ORDER BY resolved_at DESC, id DESC
                LIMIT 1
                """,
            arguments: [dedupKey, after]
        )
    }

    /// Untaken tickets whose deadline is before `now` (milliseconds) and whose breach is not
    /// recorded yet, by deadline. The WHERE clause repeats the partial index's own, so SQLite reads
    /// the index `tickets_unrecorded_breaches` instead of the whole table.
    static func unrecordedBreaches(before now: Int64, in db: Database) throws -> [TicketRecord] {
        try fetchAll(
            db,
            sql: """
                SELECT * FROM tickets
                WHERE status = 'open' AND breach_recorded_at IS NULL AND deadline < ?
                ORDER BY deadline, id
                """,
            arguments: [now]
        )
    }
}
