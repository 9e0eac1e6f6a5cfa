import Foundation
import GRDB
import TicketStore
import TriageCore

extension SQLiteTicketStore: ResultRollupStore {
    public func rollupWatermark() async throws -> Date? {
        try await read("read the roll-up watermark") { db in
            try Int64.fetchOne(db, sql: "SELECT rolled_up_to FROM rollup_watermark WHERE id = 1")
                .map(Date.init(millisecondsSince1970:))
        }
    }

    /// Reads the first row in rowid order, which is arrival order: a `MIN(started_at)` would scan
    /// the whole table, since its only index leads with the check.
    public func firstResultTime() async throws -> Date? {
        try await read("read the first result's time") { db in
            try Int64.fetchOne(db, sql: "SELECT started_at FROM probe_results ORDER BY rowid LIMIT 1")
                .map(Date.init(millisecondsSince1970:))
        }
    }

    public func lastResult(checkID: String, before instant: Date) async throws -> ProbeResult? {
        try await read("read the last result of \(checkID)") { db in
            try ProbeResultRecord.fetchOne(
                db,
                sql: "SELECT * FROM probe_results WHERE check_id = ? AND started_at < ? ORDER BY started_at DESC LIMIT 1",
                arguments: [checkID, instant.millisecondsSince1970]
            )?.result
        }
    }

    public func saveRollups(_ hours: [HourRollup], from: Date?, to: Date) async throws -> Bool {
        try await write("save \(hours.count) hour roll-ups") { db in
            let current = try Int64.fetchOne(db, sql: "SELECT rolled_up_to FROM rollup_watermark WHERE id = 1")
            guard current == from?.millisecondsSince1970 else { return false }
            let insert = try db.cachedStatement(sql: RollupRecord.insertSQL)
            for hour in hours {
                insert.setUncheckedArguments(RollupRecord.arguments(of: hour))
                try insert.execute()
            }
            try db.execute(
                sql: """
                    INSERT INTO rollup_watermark (id, rolled_up_to) VALUES (1, ?)
                    ON CONFLICT (id) DO UPDATE SET rolled_up_to = excluded.rolled_up_to
                    """,
                arguments: [to.millisecondsSince1970]
            )
            return true
        }
    }

    public func rollups(checkID: String, from: Date, to: Date) async throws -> [HourRollup] {
        try await read("read the hour roll-ups of \(checkID)") { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(RollupRecord.columns) FROM result_rollups WHERE check_id = ? AND hour >= ? AND hour < ? ORDER BY hour",
                arguments: [checkID, from.millisecondsSince1970, to.millisecondsSince1970]
            )
            var hours: [HourRollup] = []
            while let row = try rows.next() { hours.append(try RollupRecord.hour(from: row)) }
            return hours
        }
    }
}

/// How an `HourRollup` maps to a `result_rollups` row.
enum RollupRecord {
    static let insertSQL = """
        INSERT OR REPLACE INTO result_rollups
            (check_id, hour, up, degraded, down, maintenance, unknown, probes, failures, latency)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func arguments(of hour: HourRollup) -> StatementArguments {
        let time = hour.availability
        return [
            hour.checkID, hour.hour.millisecondsSince1970, time.up, time.degraded, time.down, time.maintenance,
            time.unknown, hour.probes, hour.failures, Data(hour.latency.encoded),
        ]
    }

    /// The columns ``hour(from:)`` reads, by position: a report reads hundreds of thousands of
    /// rows, and looking columns up by name measured as a good share of its time.
    static let columns = "check_id, hour, up, degraded, down, maintenance, unknown, probes, failures, latency"

    /// Reads a row of ``columns``; a histogram that cannot be read back fails the read, naming the check and hour.
    static func hour(from row: Row) throws -> HourRollup {
        let checkID: String = row[0]
        let hour = Date(millisecondsSince1970: row[1])
        var latency = LatencyHistogram()
        do {
            try row.withUnsafeData(atIndex: 9) { data in try data?.withUnsafeBytes { try latency.merge(encoded: $0) } }
        } catch {
            throw RollupReadError(checkID: checkID, hour: hour, problem: "\(error)")
        }
        return HourRollup(
            checkID: checkID, hour: hour,
            availability: Availability(up: row[2], degraded: row[3], down: row[4], maintenance: row[5], unknown: row[6]),
            probes: row[7], failures: row[8], latency: latency
        )
    }
}

/// A stored roll-up that cannot be read back.
struct RollupReadError: Error, CustomStringConvertible {
    var checkID: String
    var hour: Date
    var problem: String

    var description: String {
        "the roll-up of \(checkID) for the hour of \(hour) is damaged (\(problem)); delete it with "
            + "`DELETE FROM result_rollups WHERE check_id = '\(checkID)'` and `DELETE FROM rollup_watermark`, and it is rolled up again"
    }
}
