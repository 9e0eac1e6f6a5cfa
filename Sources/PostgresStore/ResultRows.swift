import Foundation
import PostgresNIO
import TicketStore
import TriageCore

/// Rows of `probe_results`: a batch written as one INSERT of column arrays (one round trip and one
/// statement text whatever the batch size), and rows read back as results.
///
/// PostgresNIO encodes arrays of values, not of optionals, so each nullable column travels as two
/// arrays, the values (a placeholder where absent) and whether each is present; the INSERT turns
/// an absent one back into NULL.
enum ResultRows {
    /// The columns `result(from:)` reads, in a SELECT list.
    static let columns = """
        check_id, started_at, outcome, failure, reason, status_code, dns, connect, tls, first_byte, total, bytes,
        certificate_expires_at
        """

    /// The INSERT that stores `results`, as one statement.
    static func insert(_ results: [ProbeResult]) -> PostgresQuery {
        let failures = results.map { $0.failure?.rawValue }
        let statusCodes = results.map { $0.statusCode.map { Int64($0) } }
        let expiries = results.map { $0.certificateExpiresAt?.millisecondsSince1970 }
        return """
            INSERT INTO probe_results (\(unescaped: columns))
            SELECT c, s, o, CASE WHEN fp THEN f END, r, CASE WHEN scp THEN sc END, d, cn, t, fb, tt, b,
                CASE WHEN cep THEN ce END
            FROM UNNEST(
                \(results.map(\.checkID))::text[], \(results.map { $0.startedAt.millisecondsSince1970 })::int8[],
                \(results.map(\.outcome.rawValue))::text[],
                \(failures.map { $0 ?? "" })::text[], \(failures.map { $0 != nil })::bool[],
                \(results.map(\.reason))::text[],
                \(statusCodes.map { $0 ?? 0 })::int8[], \(statusCodes.map { $0 != nil })::bool[],
                \(results.map(\.timings.dns))::float8[], \(results.map(\.timings.connect))::float8[],
                \(results.map(\.timings.tls))::float8[], \(results.map(\.timings.firstByte))::float8[],
                \(results.map(\.timings.total))::float8[], \(results.map { Int64($0.bytesRead) })::int8[],
                \(expiries.map { $0 ?? 0 })::int8[], \(expiries.map { $0 != nil })::bool[]
            ) AS batch(c, s, o, f, fp, r, sc, scp, d, cn, t, fb, tt, b, ce, cep)
            """
    }

    /// The result a row of ``columns`` stores.
    static func result(from row: PostgresRow) throws -> ProbeResult {
        let cells = row.makeRandomAccess()
        func column<T: PostgresDecodable>(_ name: String, _ type: T.Type = T.self) throws -> T {
            try cells[name].decode(T.self)
        }
        return ProbeResult(
            checkID: try column("check_id"), startedAt: Date(millisecondsSince1970: try column("started_at")),
            outcome: try known(column("outcome")), failure: try column("failure", String?.self).map { try known($0) },
            reason: try column("reason"), statusCode: try column("status_code", Int32?.self).map { Int($0) },
            timings: PhaseTimings(
                dns: try column("dns"), connect: try column("connect"), tls: try column("tls"),
                firstByte: try column("first_byte"), total: try column("total")
            ),
            bytesRead: Int(try column("bytes", Int64.self)),
            certificateExpiresAt: try column("certificate_expires_at", Int64?.self).map(Date.init(millisecondsSince1970:))
        )
    }
}
