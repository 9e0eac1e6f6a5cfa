import Foundation
import GRDB
import TriageCore

/// One row of `probe_results`: a probe's outcome with its phase timings flattened into columns,
/// so reports can aggregate them in SQL.
///
/// Rows are read with `FetchableRecord` but written through one cached statement and
/// ``insertArguments``: results are the hot path, and GRDB's per-record encoding measured three
/// to four times slower than binding the values directly.
struct ProbeResultRecord: Decodable, FetchableRecord {
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

    enum CodingKeys: String, CodingKey {
        case outcome, failure, reason, dns, connect, tls, total, bytes
        case certificateExpiresAt = "certificate_expires_at"
        case checkID = "check_id"
        case startedAt = "started_at"
        case statusCode = "status_code"
        case firstByte = "first_byte"
    }
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
