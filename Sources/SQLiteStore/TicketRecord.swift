import Foundation
import GRDB
import TicketStore
import TriageCore

/// One row of `tickets`: the table's columns as they are stored (instants in milliseconds, each
/// amount split into minor units and currency), converted to and from `Ticket` at the edge of the module.
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
    var surchargeMinor: Int64?
    var surchargeCurrency: String?
    var takenEarly: Bool
    var referredTo: String?
    var breachRecordedAt: Int64?
    var dedupKey: String?
    var planned: Bool

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
        case surchargeMinor = "surcharge_minor"
        case surchargeCurrency = "surcharge_currency"
        case takenEarly = "taken_early"
        case referredTo = "referred_to"
        case breachRecordedAt = "breach_recorded_at"
        case dedupKey = "dedup_key"
        case planned
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension TicketRecord {
    /// A row to insert: `ticket`'s id is a placeholder, and SQLite assigns the real one on insert.
    init(unsaved ticket: Ticket) {
        self.init(ticket)
        id = nil
    }

    /// The row that stores `ticket`, under the ticket's id.
    init(_ ticket: Ticket) {
        self.init(
            id: ticket.id, code: ticket.code, status: ticket.status, source: ticket.source, customer: ticket.customer,
            targetID: ticket.targetID, checkID: ticket.checkID, caseID: ticket.caseID, summary: ticket.summary,
            openedAt: ticket.openedAt.millisecondsSince1970, notBefore: ticket.notBefore?.millisecondsSince1970,
            deadline: ticket.deadline.millisecondsSince1970, takenAt: ticket.takenAt?.millisecondsSince1970,
            takenBy: ticket.takenBy, resolvedAt: ticket.resolvedAt?.millisecondsSince1970,
            resolution: ticket.resolution, cause: ticket.cause,
            feeMinor: ticket.fee?.minorUnits, feeCurrency: ticket.fee?.currency,
            surchargeMinor: ticket.surcharge?.minorUnits, surchargeCurrency: ticket.surcharge?.currency,
            takenEarly: ticket.takenEarly, referredTo: ticket.referredTo,
            breachRecordedAt: ticket.breachRecordedAt?.millisecondsSince1970, dedupKey: ticket.dedupKey,
            planned: ticket.planned
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
            cause: cause, fee: Self.money(feeMinor, feeCurrency),
            surcharge: Self.money(surchargeMinor, surchargeCurrency), takenEarly: takenEarly, referredTo: referredTo,
            breachRecordedAt: breachRecordedAt.map(Date.init(millisecondsSince1970:)), dedupKey: dedupKey,
            planned: planned
        )
    }

    /// An amount, present only when both of its columns are.
    private static func money(_ minorUnits: Int64?, _ currency: String?) -> Money? {
        guard let minorUnits, let currency else { return nil }
        return Money(minorUnits: minorUnits, currency: currency)
    }
}
