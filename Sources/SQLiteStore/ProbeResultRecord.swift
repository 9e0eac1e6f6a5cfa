import Foundation
import GRDB
import TicketStore
import TriageCore

/// One row of `probe_results`: a probe's outcome with its phase timings flattened into columns,
/// so reports can aggregate them in SQL.
///
/// Rows are written through one cached statement and ``insertArguments``, and read by column
/// position from ``selectSQL``: results are the hot path (a roll-up reads every one of them), and
/// GRDB's per-record encoding and keyed decoding measured several times slower than binding and
/// reading the values directly.
struct ProbeResultRecord {
    var checkID: String
    var startedAt: Int64
    var outcome: ProbeOutcome
    var failure: FailureClass?
    var reason: String
    var statusCode: Int?
    var dns: Double
    var connect: Double
    var tls: Double
    var firstByte: Double
    var total: Double
    var bytes: Int
    var certificateExpiresAt: Int64?
}

extension ProbeResultRecord {
    /// The row that stores `result`.
    init(_ result: ProbeResult) {
        self.init(
            checkID: result.checkID, startedAt: result.startedAt.millisecondsSince1970, outcome: result.outcome,
            failure: result.failure, reason: result.reason, statusCode: result.statusCode,
            dns: result.timings.dns, connect: result.timings.connect, tls: result.timings.tls,
            firstByte: result.timings.firstByte, total: result.timings.total, bytes: result.bytesRead,
            certificateExpiresAt: result.certificateExpiresAt?.millisecondsSince1970
        )
    }

    /// The columns of a read, in the order ``init(row:)`` reads them.
    static let columns = """
        check_id, started_at, outcome, failure, reason, status_code, dns, connect, tls, first_byte, total, bytes,
        certificate_expires_at
        """

    /// Reads a row of ``columns``; an outcome or failure this build does not know is an error
    /// naming it, never a silent default.
    init(row: Row) throws {
        let outcome: String = row[2]
        let failure: String? = row[3]
        guard let knownOutcome = ProbeOutcome(rawValue: outcome) else { throw UnknownValue(column: "outcome", value: outcome) }
        let knownFailure = try failure.map { name in
            guard let known = FailureClass(rawValue: name) else { throw UnknownValue(column: "failure", value: name) }
            return known
        }
        self.init(
            checkID: row[0], startedAt: row[1], outcome: knownOutcome, failure: knownFailure, reason: row[4], statusCode: row[5],
            dns: row[6], connect: row[7], tls: row[8], firstByte: row[9], total: row[10], bytes: row[11],
            certificateExpiresAt: row[12]
        )
    }

    /// The results of the rows `sql` selects (``columns`` first), in its order, through the
    /// connection's statement cache: a report runs the same few queries thousands of times.
    static func results(_ db: Database, sql: String, arguments: StatementArguments) throws -> [ProbeResult] {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        var results: [ProbeResult] = []
        while let row = try rows.next() { results.append(try ProbeResultRecord(row: row).result) }
        return results
    }

    /// The results of one check in the range, oldest first, through the one cached statement every
    /// range read shares.
    static func results(_ db: Database, in range: ResultRange) throws -> [ProbeResult] {
        try results(
            db,
            sql: """
                SELECT \(columns) FROM probe_results
                WHERE check_id = ? AND started_at >= ? AND started_at < ?
                ORDER BY started_at
                """,
            arguments: [range.checkID, range.from.millisecondsSince1970, range.to.millisecondsSince1970]
        )
    }

    /// A stored value this build does not know (written by a newer release).
    struct UnknownValue: Error, CustomStringConvertible {
        var column: String
        var value: String

        var description: String {
            "a probe result's \(column) is \"\(value)\", which this version does not know; upgrade Triage"
        }
    }

    /// The domain result this row stores.
    var result: ProbeResult {
        ProbeResult(
            checkID: checkID, startedAt: Date(millisecondsSince1970: startedAt), outcome: outcome, failure: failure,
            reason: reason, statusCode: statusCode,
            timings: PhaseTimings(dns: dns, connect: connect, tls: tls, firstByte: firstByte, total: total),
            bytesRead: bytes, certificateExpiresAt: certificateExpiresAt.map(Date.init(millisecondsSince1970:))
        )
    }
}

extension ProbeResultRecord {
    /// The insert `record` prepares once per transaction and runs for every result.
    static let insertSQL = """
        INSERT INTO probe_results
            (check_id, started_at, outcome, failure, reason, status_code, dns, connect, tls, first_byte, total, bytes,
             certificate_expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// This row's values in the column order of ``insertSQL``.
    var insertArguments: StatementArguments {
        [
            checkID, startedAt, outcome.rawValue, failure?.rawValue, reason, statusCode,
            dns, connect, tls, firstByte, total, bytes, certificateExpiresAt,
        ]
    }
}
