import Foundation

/// The policy's rules for working a ticket, pure: given a ticket, an action, who and when, it
/// returns the changed ticket and its audit events, or says why the action is refused. Stores
/// apply the result inside one transaction, so two people racing on one ticket see one winner.
///
/// ```swift
/// let change = try TicketDesk(policy: policy, catalogue: catalogue)
///     .apply(.take(overrideReason: nil), to: ticket, by: "ana", at: clock.now)
/// ```
public struct TicketDesk: Sendable {
    public var policy: Policy
    public var catalogue: Catalogue

    public init(policy: Policy, catalogue: Catalogue) {
        self.policy = policy
        self.catalogue = catalogue
    }

    /// A ticket after an action, with the events that record it.
    public struct Change: Sendable, Hashable {
        public var ticket: Ticket
        public var events: [TicketEvent]
    }

    public func apply(_ action: TicketAction, to ticket: Ticket, by actor: String, at now: Date) throws(TicketActionError) -> Change {
        var change = Change(ticket: ticket, events: [])
        var events: [TicketEvent] = []
        func record(_ kind: TicketEventKind, _ detail: String) {
            events.append(TicketEvent(ticketID: ticket.id, at: now, kind: kind, actor: actor, detail: detail))
        }
        switch action {
        case .take(let overrideReason):
            try requireStatus([.open], action, ticket)
            try take(&change.ticket, by: actor, at: now, overrideReason: overrideReason, record: record)
        case .comment(let text):
            try requireText(text, "comment", ticket)
            record(.comment, text)
        case .recode(let code, let reason):
            try requireStatus([.open, .taken], action, ticket)
            try requireText(reason, "reason", ticket)
            guard code != ticket.code else { throw .sameCode(ticket: ticket.id, code: code) }
            change.ticket.code = code
            change.ticket.deadline = policy.deadline(for: code, openedAt: now)
            change.ticket.notBefore = policy.notBefore(for: code, openedAt: now)
            change.ticket.breachRecordedAt = nil
            record(.recoded, "\(ticket.code.rawValue) → \(code.rawValue): \(reason); deadline now \(change.ticket.deadline.formatted(.iso8601))")
        case .resolve(let cause, let note, let fee, let surcharge):
            try requireStatus([.open, .taken], action, ticket)
            try requireText(note, "note", ticket)
            let caseEntry = ticket.caseID.flatMap { catalogue[$0] }
            let billed = try FeeRules.fee(for: caseEntry, chosen: fee, ticket: ticket.id)
            let extra = try FeeRules.surcharge(for: caseEntry, cause: cause, chosen: surcharge, ticket: ticket.id)
            if ticket.status == .open {
                try take(&change.ticket, by: actor, at: now, overrideReason: nil, record: record)
            }
            change.ticket.status = .resolved
            change.ticket.resolvedAt = now
            change.ticket.resolution = note
            change.ticket.cause = cause
            change.ticket.fee = billed
            change.ticket.surcharge = extra
            let money = [billed.map { "fee \($0)" }, extra.map { "surcharge \($0)" }].compactMap { $0 }.joined(separator: ", ")
            record(.resolved, "cause \(cause.rawValue): \(note)" + (money.isEmpty ? "" : " (\(money))"))
        case .refuse(let reason):
            try requireWhite(action, ticket)
            try requireText(reason, "reason", ticket)
            change.ticket.status = .refused
            change.ticket.resolvedAt = now
            change.ticket.resolution = reason
            record(.refused, reason)
        case .refer(let partner, let note):
            try requireWhite(action, ticket)
            try requireText(partner, "partner", ticket)
            change.ticket.status = .referred
            change.ticket.resolvedAt = now
            change.ticket.referredTo = partner
            change.ticket.resolution = note.isEmpty ? "referred to \(partner)" : "referred to \(partner): \(note)"
            record(.referred, change.ticket.resolution ?? partner)
        }
        change.events = events
        return change
    }

    private func take(
        _ ticket: inout Ticket, by actor: String, at now: Date, overrideReason: String?,
        record: (TicketEventKind, String) -> Void
    ) throws(TicketActionError) {
        var detail = now <= ticket.deadline ? "taken in charge within the deadline" : "taken in charge after the deadline"
        if let notBefore = ticket.notBefore, now < notBefore {
            guard let reason = overrideReason?.trimmingCharacters(in: .whitespaces), !reason.isEmpty else {
                throw .tooEarly(ticket: ticket.id, notBefore: notBefore)
            }
            ticket.takenEarly = true
            detail = "taken early, before \(notBefore.formatted(.iso8601)): \(reason)"
        }
        ticket.status = .taken
        ticket.takenAt = now
        ticket.takenBy = actor
        record(.taken, detail)
    }

    private func requireStatus(_ statuses: Set<TicketStatus>, _ action: TicketAction, _ ticket: Ticket) throws(TicketActionError) {
        guard statuses.contains(ticket.status) else {
            throw .notAllowed(ticket: ticket.id, action: action.name, status: ticket.status)
        }
    }

    private func requireWhite(_ action: TicketAction, _ ticket: Ticket) throws(TicketActionError) {
        try requireStatus([.open, .taken], action, ticket)
        guard ticket.code == .white else { throw .onlyForWhite(ticket: ticket.id, action: action.name, code: ticket.code) }
    }

    private func requireText(_ text: String, _ what: String, _ ticket: Ticket) throws(TicketActionError) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyText(ticket: ticket.id, what: what) }
    }
}
