import Foundation
import PostgresNIO
import TicketStore
import TriageCore

extension PostgresTicketStore: ResultRollupStore {
    public func rollupWatermark() async throws -> Date? {
        try await read("read the roll-up watermark") { session in
            try await session.value("SELECT rolled_up_to FROM rollup_watermark WHERE id = 1", as: Int64.self)
                .map(Date.init(millisecondsSince1970:))
        }
    }

    /// The first row a sequential scan meets, which is about the oldest (rows are appended in
    /// arrival order): a `min(started_at)` would read the whole table, whose index leads with the check.
    public func firstResultTime() async throws -> Date? {
        try await read("read the first result's time") { session in
            try await session.value("SELECT started_at FROM probe_results LIMIT 1", as: Int64.self)
                .map(Date.init(millisecondsSince1970:))
        }
    }

    /// One transaction under the roll-up lock: compare the watermark, write every roll-up in one
    /// INSERT from arrays (histograms travel as hex text, decoded by the server), move the watermark.
    public func saveRollups(_ rollups: [Rollup], from: Date?, to: Date) async throws -> Bool {
        try await write("save \(rollups.count) roll-ups", lock: .rollups) { session in
            let current = try await session.value("SELECT rolled_up_to FROM rollup_watermark WHERE id = 1", as: Int64.self)
            guard current == from?.millisecondsSince1970 else { return false }
            if !rollups.isEmpty { try await session.execute(RollupRows.upsert(rollups)) }
            try await session.execute(
                """
                INSERT INTO rollup_watermark (id, rolled_up_to) VALUES (1, \(to.millisecondsSince1970))
                ON CONFLICT (id) DO UPDATE SET rolled_up_to = excluded.rolled_up_to
                """
            )
            return true
        }
    }

    public func rollups(checkID: String, span: Rollup.Span, from: Date, to: Date) async throws -> [Rollup] {
        try await read("read the roll-ups of \(checkID)") { session in
            try await session.rows(
                """
                SELECT \(unescaped: RollupRows.columns) FROM result_rollups
                WHERE check_id = \(checkID) AND span = \(span.rawValue) AND start >= \(from.millisecondsSince1970)
                    AND start < \(to.millisecondsSince1970)
                ORDER BY start
                """
            ).map(RollupRows.rollup(from:))
        }
    }

    public func rollups(checkIDs: [String], span: Rollup.Span, from: Date, to: Date) async throws -> [Rollup] {
        try await read("read the roll-ups of \(checkIDs.count) checks") { session in
            try await session.rows(
                """
                SELECT \(unescaped: RollupRows.columns) FROM result_rollups
                WHERE check_id = ANY(\(checkIDs)::text[]) AND span = \(span.rawValue) AND start >= \(from.millisecondsSince1970)
                    AND start < \(to.millisecondsSince1970)
                ORDER BY check_id, start
                """
            ).map(RollupRows.rollup(from:))
        }
    }

    public func slowestHours(checkID: String, from: Date, to: Date, limit: Int) async throws -> [Rollup] {
        try await read("read the slowest hours of \(checkID)") { session in
            try await session.rows(
                """
                SELECT \(unescaped: RollupRows.columns) FROM result_rollups
                WHERE check_id = \(checkID) AND span = 3600 AND start >= \(from.millisecondsSince1970)
                    AND start < \(to.millisecondsSince1970) AND p95 IS NOT NULL
                ORDER BY p95 DESC, start LIMIT \(Int64(limit))
                """
            ).map(RollupRows.rollup(from:))
        }
    }

    /// One query joining the ranges, sent as arrays, to the results: one round trip for them all,
    /// each row tagged with its range's position.
    public func results(in ranges: [ResultRange]) async throws -> [[ProbeResult]] {
        guard !ranges.isEmpty else { return [] }
        return try await read("read results of \(ranges.count) ranges") { session in
            let rows = try await session.rows(
                """
                SELECT batch.i AS range_index, \(unescaped: ResultRows.columns)
                FROM UNNEST(
                    \(ranges.map(\.checkID))::text[], \(ranges.map { $0.from.millisecondsSince1970 })::int8[],
                    \(ranges.map { $0.to.millisecondsSince1970 })::int8[]
                ) WITH ORDINALITY AS batch(c, lo, hi, i)
                JOIN probe_results ON check_id = batch.c AND started_at >= batch.lo AND started_at < batch.hi
                ORDER BY batch.i, started_at
                """
            )
            var results = [[ProbeResult]](repeating: [], count: ranges.count)
            for row in rows {
                let index = try row.makeRandomAccess()["range_index"].decode(Int64.self)
                results[Int(index) - 1].append(try ResultRows.result(from: row))
            }
            return results
        }
    }
}

/// How `Rollup`s travel to and from `result_rollups`.
enum RollupRows {
    static let columns = "check_id, span, start, up, degraded, down, maintenance, unknown, probes, failures, encode(latency, 'hex')"

    static func upsert(_ rollups: [Rollup]) -> PostgresQuery {
        let times = rollups.map(\.availability)
        let p95s = rollups.map { $0.span == .hour ? $0.latency.percentile(0.95) : nil }
        return """
            INSERT INTO result_rollups
                (check_id, span, start, up, degraded, down, maintenance, unknown, probes, failures, p95, latency)
            SELECT c, s, st, u, dg, dn, m, uk, p, f, CASE WHEN pp THEN p95 END, decode(l, 'hex')
            FROM UNNEST(
                \(rollups.map(\.checkID))::text[], \(rollups.map { Int64($0.span.rawValue) })::int8[],
                \(rollups.map { $0.start.millisecondsSince1970 })::int8[],
                \(times.map(\.up))::float8[], \(times.map(\.degraded))::float8[], \(times.map(\.down))::float8[],
                \(times.map(\.maintenance))::float8[], \(times.map(\.unknown))::float8[],
                \(rollups.map { Int64($0.probes) })::int8[], \(rollups.map { Int64($0.failures) })::int8[],
                \(p95s.map { $0 ?? 0 })::float8[], \(p95s.map { $0 != nil })::bool[],
                \(rollups.map { hex($0.latency.encoded) })::text[]
            ) AS batch(c, s, st, u, dg, dn, m, uk, p, f, p95, pp, l)
            ON CONFLICT (check_id, span, start) DO UPDATE SET
                up = excluded.up, degraded = excluded.degraded, down = excluded.down, maintenance = excluded.maintenance,
                unknown = excluded.unknown, probes = excluded.probes, failures = excluded.failures, p95 = excluded.p95,
                latency = excluded.latency
            """
    }

    static func rollup(from row: PostgresRow) throws -> Rollup {
        let (checkID, span, start, up, degraded, down, maintenance, unknown, probes, failures, latency) = try row.decode(
            (String, Int32, Int64, Double, Double, Double, Double, Double, Int64, Int64, String).self
        )
        let startDate = Date(millisecondsSince1970: start)
        guard let knownSpan = Rollup.Span(rawValue: Int(span)) else {
            throw RollupReadError(checkID: checkID, start: startDate, problem: "its span is \(span) seconds, not an hour or a day")
        }
        do {
            return Rollup(
                checkID: checkID, start: startDate, span: knownSpan,
                availability: Availability(up: up, degraded: degraded, down: down, maintenance: maintenance, unknown: unknown),
                probes: Int(probes), failures: Int(failures), latency: try LatencyHistogram(encoded: bytes(hex: latency))
            )
        } catch {
            throw RollupReadError(checkID: checkID, start: startDate, problem: "\(error)")
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count - 1, by: 2).map { index in
            UInt8(value(digits[index]) << 4 | value(digits[index + 1]))
        }
    }

    private static func value(_ digit: UInt8) -> UInt8 {
        digit <= UInt8(ascii: "9") ? digit - UInt8(ascii: "0") : digit - UInt8(ascii: "a") + 10
    }
}

