import Foundation
import TriageCore

/// The words and ticket changes every backend writes for the same decision, so the audit trail
/// and the tickets read the same whichever store recorded them.
public enum AuditText {
    /// The name events written by the daemon carry, as opposed to a person's name.
    public static let daemonActor = "triage"

    /// The resolution written when an untaken incident ends on its own.
    public static let recoveredAutomatically = "recovered automatically"

    /// The report's evidence as one audit line; its summary when it brought none.
    public static func evidence(of report: IncidentReport) -> String {
        report.evidence.isEmpty ? report.summary : report.evidence.joined(separator: "; ")
    }

    /// The `opened` event of a filed ticket, by whoever filed it.
    public static func filed(_ new: NewTicket, ticketID: Int64, at openedAt: Date) -> TicketEvent {
        let verb = new.source == .inbound ? "received" : "filed"
        return TicketEvent(
            ticketID: ticketID, at: openedAt, kind: .opened, actor: new.openedBy,
            detail: "\(verb) as \(new.code.rawValue): \(new.summary)"
        )
    }

    /// The `breached` event of an untaken ticket whose deadline passed, by the daemon.
    public static func breach(of ticket: Ticket, at now: Date) -> TicketEvent {
        TicketEvent(
            ticketID: ticket.id, at: now, kind: .breached, actor: daemonActor,
            detail: "take-in-charge deadline \(ticket.deadline.formatted(.iso8601)) passed untaken"
        )
    }

    /// The `escalated` and `reminded` events `due` makes on `ticket` at `now`, by the daemon.
    public static func escalation(_ due: EscalationDue, of ticket: Ticket, policy: EscalationPolicy, at now: Date) -> [TicketEvent] {
        let waited = Duration.seconds(now.timeIntervalSince(ticket.openedAt).rounded()).inWords
        var events: [TicketEvent] = []
        if let step = due.step {
            let detail = "escalation step \(step) of \(policy.steps.count): not taken in charge \(waited) after opening"
            events.append(TicketEvent(ticketID: ticket.id, at: now, kind: .escalated, actor: daemonActor, detail: detail, level: step))
        }
        if let reminder = due.reminder {
            let detail = "reminder \(reminder): not taken in charge \(waited) after opening"
            events.append(
                TicketEvent(ticketID: ticket.id, at: now, kind: .reminded, actor: daemonActor, detail: detail, level: reminder)
            )
        }
        return events
    }
}

extension Ticket {
    /// This recovered incident open again. Its deadlines restart from the fault's return: the old
    /// ones passed while nothing was wrong, and keeping them would count a breach nobody could avoid.
    /// A breach recorded against the old deadline stays in the audit trail but no longer marks the
    /// ticket, so a miss of the new deadline is recorded (and alerted) too.
    public func reopened(at returnedAt: Date, policy: Policy) -> Ticket {
        var ticket = self
        ticket.status = .open
        ticket.resolvedAt = nil
        ticket.resolution = nil
        ticket.deadline = policy.deadline(for: code, openedAt: returnedAt)
        ticket.notBefore = policy.notBefore(for: code, openedAt: returnedAt)
        ticket.breachRecordedAt = nil
        return ticket
    }

    /// This untaken incident resolved because its fault went away at `at`.
    public func recoveredAutomatically(at: Date) -> Ticket {
        var ticket = self
        ticket.status = .resolved
        ticket.resolvedAt = at
        ticket.resolution = AuditText.recoveredAutomatically
        return ticket
    }

    /// A new automatic incident for `report`, open from the moment the fault was confirmed; its id
    /// is a placeholder until the store assigns one.
    public init(opening report: IncidentReport, policy: Policy) {
        self.init(
            id: 0, code: report.code, status: .open, source: report.source, customer: report.customer,
            targetID: report.targetID, checkID: report.checkID, caseID: report.caseID,
            summary: report.summary, openedAt: report.detectedAt,
            notBefore: policy.notBefore(for: report.code, openedAt: report.detectedAt),
            deadline: policy.deadline(for: report.code, openedAt: report.detectedAt), dedupKey: report.dedupKey,
            planned: report.planned
        )
    }

    /// A new ticket filed at `openedAt`, with the deadlines of its customer's plan; its id is a
    /// placeholder until the store assigns one.
    public init(filing ticket: NewTicket, policy: Policy, at openedAt: Date) {
        self.init(
            id: 0, code: ticket.code, status: .open, source: ticket.source, customer: ticket.customer,
            targetID: ticket.targetID, caseID: ticket.caseID, summary: ticket.summary, openedAt: openedAt,
            notBefore: policy.notBefore(for: ticket.code, openedAt: openedAt),
            deadline: policy.deadline(for: ticket.code, openedAt: openedAt)
        )
    }
}
