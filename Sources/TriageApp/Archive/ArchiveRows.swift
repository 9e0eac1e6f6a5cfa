import Foundation
import TicketStore
import TriageCore

/// The JSON form of each archived row: every stored field by its column name (the coder turns
/// `openedAt` into `opened_at`), instants as whole milliseconds since 1970 as the stores keep them,
/// so a row reads back exactly, and an archive line can be read with `jq` against the schema.
struct TicketLine: Codable {
    var id: Int64
    var code: TriageCode
    var status: TicketStatus
    var source: TicketSource
    var customer: String
    var targetID: String?
    var checkID: String?
    var caseID: CaseID?
    var summary: String
    var openedAt: Date
    var notBefore: Date?
    var deadline: Date
    var takenAt: Date?
    var takenBy: String?
    var resolvedAt: Date?
    var resolution: String?
    var cause: Cause?
    var fee: Money?
    var surcharge: Money?
    var takenEarly: Bool
    var referredTo: String?
    var breachRecordedAt: Date?
    var dedupKey: String?
    var planned: Bool
    var escalationSteps: Int
    var escalationReminders: Int
}

extension TicketLine {
    init(_ archived: ArchivedTicket) {
        let t = archived.ticket
        self.init(
            id: t.id, code: t.code, status: t.status, source: t.source, customer: t.customer, targetID: t.targetID,
            checkID: t.checkID, caseID: t.caseID, summary: t.summary, openedAt: t.openedAt, notBefore: t.notBefore,
            deadline: t.deadline, takenAt: t.takenAt, takenBy: t.takenBy, resolvedAt: t.resolvedAt,
            resolution: t.resolution, cause: t.cause, fee: t.fee, surcharge: t.surcharge, takenEarly: t.takenEarly,
            referredTo: t.referredTo, breachRecordedAt: t.breachRecordedAt, dedupKey: t.dedupKey, planned: t.planned,
            escalationSteps: archived.escalationSteps, escalationReminders: archived.escalationReminders
        )
    }

    var archived: ArchivedTicket {
        ArchivedTicket(
            ticket: Ticket(
                id: id, code: code, status: status, source: source, customer: customer, targetID: targetID,
                checkID: checkID, caseID: caseID, summary: summary, openedAt: openedAt, notBefore: notBefore,
                deadline: deadline, takenAt: takenAt, takenBy: takenBy, resolvedAt: resolvedAt, resolution: resolution,
                cause: cause, fee: fee, surcharge: surcharge, takenEarly: takenEarly, referredTo: referredTo,
                breachRecordedAt: breachRecordedAt, dedupKey: dedupKey, planned: planned
            ),
            escalationSteps: escalationSteps, escalationReminders: escalationReminders
        )
    }
}

/// A line of `ticket_events`.
struct EventLine: Codable {
    var id: Int64
    var ticketID: Int64
    var at: Date
    var kind: TicketEventKind
    var actor: String
    var detail: String
    var level: Int?
}

extension EventLine {
    init(_ archived: ArchivedEvent) {
        let e = archived.event
        self.init(id: archived.id, ticketID: e.ticketID, at: e.at, kind: e.kind, actor: e.actor, detail: e.detail, level: e.level)
    }

    var archived: ArchivedEvent {
        ArchivedEvent(id: id, event: TicketEvent(ticketID: ticketID, at: at, kind: kind, actor: actor, detail: detail, level: level))
    }
}

/// A line of `deliveries`.
struct DeliveryLine: Codable {
    var id: Int64
    var eventID: Int64
    var channel: String
    var createdAt: Date
    var attempts: Int
    var nextAttemptAt: Date
    var deliveredAt: Date?
    var lastError: String?
}

extension DeliveryLine {
    init(_ d: ArchivedDelivery) {
        self.init(
            id: d.id, eventID: d.eventID, channel: d.channel, createdAt: d.createdAt, attempts: d.attempts,
            nextAttemptAt: d.nextAttemptAt, deliveredAt: d.deliveredAt, lastError: d.lastError
        )
    }

    var archived: ArchivedDelivery {
        ArchivedDelivery(
            id: id, eventID: eventID, channel: channel, createdAt: createdAt, attempts: attempts,
            nextAttemptAt: nextAttemptAt, deliveredAt: deliveredAt, lastError: lastError
        )
    }
}

/// A line of `probe_results`.
struct ResultLine: Codable {
    var checkID: String
    var startedAt: Date
    var outcome: ProbeOutcome
    var failure: FailureClass?
    var reason: String
    var statusCode: Int?
    var timings: PhaseTimings
    var bytes: Int
    var certificateExpiresAt: Date?
}

extension ResultLine {
    init(_ r: ProbeResult) {
        self.init(
            checkID: r.checkID, startedAt: r.startedAt, outcome: r.outcome, failure: r.failure, reason: r.reason,
            statusCode: r.statusCode, timings: r.timings, bytes: r.bytesRead, certificateExpiresAt: r.certificateExpiresAt
        )
    }

    var result: ProbeResult {
        ProbeResult(
            checkID: checkID, startedAt: startedAt, outcome: outcome, failure: failure, reason: reason,
            statusCode: statusCode, timings: timings, bytesRead: bytes, certificateExpiresAt: certificateExpiresAt
        )
    }
}

/// The routing cursor's one row.
struct CursorLine: Codable {
    var lastEventID: Int64
}
