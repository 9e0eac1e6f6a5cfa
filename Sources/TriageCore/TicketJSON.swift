import Foundation

/// A ticket as JSON, with the stable field names documented in the README. Every field is always
/// present (null when unset), so scripts never meet a missing key. The CLI, the API and the
/// notification payloads all write tickets this way.
public struct TicketJSON: Encodable, Sendable {
    public var ticket: Ticket
    public var outcome: DeadlineOutcome
    /// The audit trail, oldest first; nil leaves the field out (the list command's compact form).
    public var events: [TicketEvent]?

    public init(_ ticket: Ticket, now: Date, events: [TicketEvent]? = nil) {
        self.ticket = ticket
        self.outcome = ticket.outcome(at: now)
        self.events = events
    }

    enum Keys: String, CodingKey {
        case id, code, status, source, customer, target, check, `case`, summary, openedAt, notBefore, deadline
        case takenAt, takenBy, takenEarly, resolvedAt, resolution, cause, fee, surcharge, referredTo, planned, outcome, events
    }

    enum EventKeys: String, CodingKey { case at, kind, actor, detail, level }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(ticket.id, forKey: .id)
        try container.encode(ticket.code, forKey: .code)
        try container.encode(ticket.status, forKey: .status)
        try container.encode(ticket.source, forKey: .source)
        try container.encode(ticket.customer, forKey: .customer)
        try container.encode(ticket.targetID, forKey: .target)
        try container.encode(ticket.checkID, forKey: .check)
        try container.encode(ticket.caseID, forKey: .case)
        try container.encode(ticket.summary, forKey: .summary)
        try container.encode(ticket.openedAt, forKey: .openedAt)
        try container.encode(ticket.notBefore, forKey: .notBefore)
        try container.encode(ticket.deadline, forKey: .deadline)
        try container.encode(ticket.takenAt, forKey: .takenAt)
        try container.encode(ticket.takenBy, forKey: .takenBy)
        try container.encode(ticket.takenEarly, forKey: .takenEarly)
        try container.encode(ticket.resolvedAt, forKey: .resolvedAt)
        try container.encode(ticket.resolution, forKey: .resolution)
        try container.encode(ticket.cause, forKey: .cause)
        try container.encode(ticket.fee, forKey: .fee)
        try container.encode(ticket.surcharge, forKey: .surcharge)
        try container.encode(ticket.referredTo, forKey: .referredTo)
        try container.encode(ticket.planned, forKey: .planned)
        try container.encode(outcome, forKey: .outcome)
        if let events {
            var list = container.nestedUnkeyedContainer(forKey: .events)
            for event in events {
                var entry = list.nestedContainer(keyedBy: EventKeys.self)
                try entry.encode(event.at, forKey: .at)
                try entry.encode(event.kind, forKey: .kind)
                try entry.encode(event.actor, forKey: .actor)
                try entry.encode(event.detail, forKey: .detail)
                try entry.encode(event.level, forKey: .level)
            }
        }
    }
}
