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

    public func saveRollups(_ rollups: [Rollup], from: Date?, to: Date) async throws -> Bool {
        try await write("save \(rollups.count) roll-ups") { db in
            let current = try Int64.fetchOne(db, sql: "SELECT rolled_up_to FROM rollup_watermark WHERE id = 1")
            guard current == from?.millisecondsSince1970 else { return false }
            let insert = try db.cachedStatement(sql: RollupRecord.insertSQL)
            for rollup in rollups {
                insert.setUncheckedArguments(RollupRecord.arguments(of: rollup))
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

    public func rollups(checkID: String, span: Rollup.Span, from: Date, to: Date) async throws -> [Rollup] {
        try await read("read the roll-ups of \(checkID)") { db in
            try RollupRecord.fetch(
                db, where: "check_id = ? AND span = ? AND start >= ? AND start < ? ORDER BY start",
                arguments: [checkID, span.rawValue, from.millisecondsSince1970, to.millisecondsSince1970]
            )
        }
    }

    /// The ids travel as one JSON array (`json_each`), so the statement is the same, and cached,
    /// whatever their number.
    public func rollups(checkIDs: [String], span: Rollup.Span, from: Date, to: Date) async throws -> [Rollup] {
        let ids = String(decoding: try JSONEncoder().encode(checkIDs), as: UTF8.self)
        return try await read("read the roll-ups of \(checkIDs.count) checks") { db in
            try RollupRecord.fetch(
                db, where: "check_id IN (SELECT value FROM json_each(?)) AND span = ? AND start >= ? AND start < ? ORDER BY check_id, start",
                arguments: [ids, span.rawValue, from.millisecondsSince1970, to.millisecondsSince1970]
            )
        }
    }

    public func slowestHours(checkID: String, from: Date, to: Date, limit: Int) async throws -> [Rollup] {
        try await read("read the slowest hours of \(checkID)") { db in
            try RollupRecord.fetch(
                db, where: "check_id = ? AND span = 3600 AND start >= ? AND start < ? AND p95 IS NOT NULL ORDER BY p95 DESC, start LIMIT ?",
                arguments: [checkID, from.millisecondsSince1970, to.millisecondsSince1970, limit]
            )
        }
    }

    /// One read transaction running the cached range query for each range in turn: an embedded
    /// database answers each in microseconds, so the statement needs no join over the ranges.
    public func results(in ranges: [ResultRange]) async throws -> [[ProbeResult]] {
        guard !ranges.isEmpty else { return [] }
        return try await read("read results of \(ranges.count) ranges") { db in
            try ranges.map { try ProbeResultRecord.results(db, in: $0) }
        }
    }
}

/// How a `Rollup` maps to a `result_rollups` row.
enum RollupRecord {
    static let insertSQL = """
        INSERT OR REPLACE INTO result_rollups
            (check_id, span, start, up, degraded, down, maintenance, unknown, probes, failures, p95, latency)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func arguments(of rollup: Rollup) -> StatementArguments {
        let time = rollup.availability
        return [
            rollup.checkID, rollup.span.rawValue, rollup.start.millisecondsSince1970, time.up, time.degraded, time.down,
            time.maintenance, time.unknown, rollup.probes, rollup.failures,
            rollup.span == .hour ? rollup.latency.percentile(0.95) : nil, Data(rollup.latency.encoded),
        ]
    }

    /// The roll-ups of the rows matching `condition` (a WHERE clause and what follows it), through
    /// the connection's statement cache: a report runs the same query for every check.
    static func fetch(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [Rollup] {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM result_rollups WHERE \(condition)")
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        var rollups: [Rollup] = []
        while let row = try rows.next() { rollups.append(try rollup(from: row)) }
        return rollups
    }

    /// The columns ``hour(from:)`` reads, by position: a report reads hundreds of thousands of
    /// rows, and looking columns up by name measured as a good share of its time.
    static let columns = "check_id, span, start, up, degraded, down, maintenance, unknown, probes, failures, latency"

    /// Reads a row of ``columns``; a histogram that cannot be read back fails the read, naming the check and start.
    static func rollup(from row: Row) throws -> Rollup {
        let checkID: String = row[0]
        let start = Date(millisecondsSince1970: row[2])
        guard let span = Rollup.Span(rawValue: row[1]) else {
            throw RollupReadError(checkID: checkID, start: start, problem: "its span is \(row[1] as Int) seconds, not an hour or a day")
        }
        var latency = LatencyHistogram()
        do {
            try row.withUnsafeData(atIndex: 10) { data in try data?.withUnsafeBytes { try latency.merge(encoded: $0) } }
        } catch {
            throw RollupReadError(checkID: checkID, start: start, problem: "\(error)")
        }
        return Rollup(
            checkID: checkID, start: start, span: span,
            availability: Availability(up: row[3], degraded: row[4], down: row[5], maintenance: row[6], unknown: row[7]),
            probes: row[8], failures: row[9], latency: latency
        )
    }
}
