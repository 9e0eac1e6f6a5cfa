import Foundation
import GRDB
import TicketStore
import TriageCore

extension SQLiteTicketStore {
    /// Rows deleted per transaction by `pruneResults`: small enough that the daemon's next write
    /// waits milliseconds, not the whole retention sweep.
    static let pruneChunk = 5_000

    /// Inserts the batch in one transaction through one prepared statement, which the connection
    /// caches, so every later batch reuses it too.
    public func record(_ results: [ProbeResult]) async throws {
        guard !results.isEmpty else { return }
        try await write("record \(results.count) probe results") { db in
            let insert = try db.cachedStatement(sql: ProbeResultRecord.insertSQL)
            for result in results {
                insert.setUncheckedArguments(ProbeResultRecord(result).insertArguments)
                try insert.execute()
            }
        }
    }

    public func results(checkID: String, from: Date, to: Date) async throws -> [ProbeResult] {
        try await read("read results of \(checkID)") { db in
            try ProbeResultRecord.results(db, in: ResultRange(checkID: checkID, from: from, to: to))
        }
    }

    /// One read, one cached statement run per check: each run is a single step down the
    /// (check_id, started_at) index, so ten thousand checks cost milliseconds.
    public func latestResults(checkIDs: [String], from: Date, to: Date) async throws -> [String: ProbeResult] {
        guard !checkIDs.isEmpty else { return [:] }
        return try await read("read the latest results of \(checkIDs.count) checks") { db in
            var latest: [String: ProbeResult] = [:]
            for checkID in checkIDs {
                let newest = try ProbeResultRecord.results(
                    db,
                    sql: """
                        SELECT \(ProbeResultRecord.columns) FROM probe_results
                        WHERE check_id = ? AND started_at >= ? AND started_at < ?
                        ORDER BY started_at DESC LIMIT 1
                        """,
                    arguments: [checkID, from.millisecondsSince1970, to.millisecondsSince1970]
                )
                if let result = newest.first { latest[checkID] = result }
            }
            return latest
        }
    }

    /// Deletes chunk by chunk, each in its own transaction, so the daemon's writes slip in between.
    /// Each chunk scans the table in rowid order (`NOT INDEXED`), which is arrival order: the old
    /// rows come first, so a chunk finds its rows at once. Through the check index instead, every
    /// chunk would walk again past the newer rows of each check already pruned.
    public func pruneResults(before cutoff: Date) async throws -> Int {
        let cutoff = cutoff.millisecondsSince1970
        var deleted = 0
        while true {
            let count = try await write("prune probe results") { db in
                try db.execute(
                    sql: """
                        DELETE FROM probe_results WHERE rowid IN (
                            SELECT rowid FROM probe_results NOT INDEXED WHERE started_at < ? LIMIT ?
                        )
                        """,
                    arguments: [cutoff, Self.pruneChunk]
                )
                return db.changesCount
            }
            deleted += count
            if count < Self.pruneChunk { return deleted }
        }
    }
}
