import Foundation
import GRDB
import TriageCore

/// One row of `tickets`: the table's columns as they are stored (instants in milliseconds, the
/// fee split in two columns), converted to and from `Ticket` at the edge of the module.
struct TicketRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "tickets"

    /// Nil until inserted; SQLite assigns it.
    var id: Int64?
    var code: TriageCode
    var status: TicketStatus
    var source: TicketSource
    var customer: String
    var targetID: String?
    var checkID: String?
    var caseID: CaseID?
    var summary: String
    var openedAt: Int64
    var notBefore: Int64?
    var deadline: Int64
    var takenAt: Int64?
    var takenBy: String?
    var resolvedAt: Int64?
    var resolution: String?
    var cause: Cause?
    var feeMinor: Int64?
    var feeCurrency: String?
    var dedupKey: String?

    enum CodingKeys: String, CodingKey {
        case id, code, status, source, customer, summary, deadline, resolution, cause
        case targetID = "target_id"
        case checkID = "check_id"
        case caseID = "case_id"
        case openedAt = "opened_at"
        case notBefore = "not_before"
        case takenAt = "taken_at"
        case takenBy = "taken_by"
        case resolvedAt = "resolved_at"
        case feeMinor = "fee_minor"
        case feeCurrency = "fee_currency"
        case dedupKey = "dedup_key"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension TicketRecord {
    /// The resolution written when an untaken incident ends on its own.
    static let recoveredAutomatically = "recovered automatically"

    /// A new automatic incident for `finding`, open from the moment the fault was confirmed.
    init(opening finding: Finding, policy: Policy) {
        let openedAt = finding.detectedAt
        self.init(
            id: nil, code: finding.code, status: .open, source: .probe, customer: finding.customer,
            targetID: finding.targetID, checkID: finding.checkID, caseID: finding.kind.caseID,
            summary: finding.summary, openedAt: openedAt.millisecondsSince1970,
            notBefore: policy.notBefore(for: finding.code, openedAt: openedAt)?.millisecondsSince1970,
            deadline: policy.deadline(for: finding.code, openedAt: openedAt).millisecondsSince1970,
            takenAt: nil, takenBy: nil, resolvedAt: nil, resolution: nil, cause: nil,
            feeMinor: nil, feeCurrency: nil, dedupKey: finding.dedupKey
        )
    }

    /// The domain ticket this row stores.
    var ticket: Ticket {
        guard let id else { preconditionFailure("a ticket is converted only once stored, with its id") }
        return Ticket(
            id: id, code: code, status: status, source: source, customer: customer,
            targetID: targetID, checkID: checkID, caseID: caseID, summary: summary,
            openedAt: Date(millisecondsSince1970: openedAt),
            notBefore: notBefore.map(Date.init(millisecondsSince1970:)),
            deadline: Date(millisecondsSince1970: deadline), takenAt: takenAt.map(Date.init(millisecondsSince1970:)),
            takenBy: takenBy, resolvedAt: resolvedAt.map(Date.init(millisecondsSince1970:)), resolution: resolution,
            cause: cause, fee: fee, dedupKey: dedupKey
        )
    }

    /// The fee, present only when both of its columns are.
    private var fee: Money? {
        guard let feeMinor, let feeCurrency else { return nil }
        return Money(minorUnits: feeMinor, currency: feeCurrency)
    }
}

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
}
