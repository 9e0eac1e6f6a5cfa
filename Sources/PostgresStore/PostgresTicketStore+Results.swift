import Foundation
import PostgresNIO
import TicketStore
import TriageCore

extension PostgresTicketStore {
    /// Rows deleted per statement by `pruneResults`: small enough that each delete holds its locks
    /// for milliseconds, not the whole retention sweep.
    static let pruneChunk = 5_000

    /// The whole batch is one INSERT (`ResultRows.insert`), sent on its own, outside any explicit
    /// transaction: one round trip to the database per batch, atomic like every single statement.
    public func record(_ results: [ProbeResult]) async throws {
        guard !results.isEmpty else { return }
        try await statement("record \(results.count) probe results", ResultRows.insert(results))
    }

    public func results(checkID: String, from: Date, to: Date) async throws -> [ProbeResult] {
        try await read("read results of \(checkID)") { session in
            try await session.rows(
                """
                SELECT \(unescaped: ResultRows.columns) FROM probe_results
                WHERE check_id = \(checkID) AND started_at >= \(from.millisecondsSince1970)
                    AND started_at < \(to.millisecondsSince1970)
                ORDER BY started_at
                """
            ).map(ResultRows.result(from:))
        }
    }

    /// One query for every check (`DISTINCT ON` keeps each check's newest row of the index range).
    public func latestResults(checkIDs: [String], from: Date, to: Date) async throws -> [String: ProbeResult] {
        guard !checkIDs.isEmpty else { return [:] }
        return try await read("read the latest results of \(checkIDs.count) checks") { session in
            let results = try await session.rows(
                """
                SELECT DISTINCT ON (check_id) \(unescaped: ResultRows.columns) FROM probe_results
                WHERE check_id = ANY(\(checkIDs)::text[]) AND started_at >= \(from.millisecondsSince1970)
                    AND started_at < \(to.millisecondsSince1970)
                ORDER BY check_id, started_at DESC
                """
            ).map(ResultRows.result(from:))
            return Dictionary(results.map { ($0.checkID, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Deletes chunk by chunk, each its own statement, so result inserts slip in between. Each chunk
    /// reads the table in physical order, which is arrival order: the old rows come first, so a chunk
    /// finds its rows at once, and deletes them by their physical address (ctid).
    public func pruneResults(before cutoff: Date) async throws -> Int {
        let cutoff = cutoff.millisecondsSince1970
        var deleted = 0
        while true {
            let rows = try await statement(
                "prune probe results",
                """
                WITH gone AS (
                    DELETE FROM probe_results WHERE ctid = ANY(ARRAY(
                        SELECT ctid FROM probe_results WHERE started_at < \(cutoff) LIMIT \(Int64(Self.pruneChunk))
                    ))
                    RETURNING 1
                )
                SELECT count(*) FROM gone
                """
            )
            let count = try Int(rows.first?.makeRandomAccess()[0].decode(Int64.self) ?? 0)
            deleted += count
            if count < Self.pruneChunk { return deleted }
        }
    }

    /// Runs one statement on a pooled connection in its own implicit transaction (one round trip),
    /// turning failures into `TicketStoreError`.
    @discardableResult
    func statement(_ operation: String, _ query: PostgresQuery) async throws -> [PostgresRow] {
        do {
            return try await pool.withConnection { try await $0.query(query, logger: logger).collect() }
        } catch {
            throw PostgresFailure.wrap(error, operation: operation, location: url.description)
        }
    }
}
