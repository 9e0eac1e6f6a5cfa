/// One thing ops are told about: a ticket's event, with the ticket as it stands when it is sent.
public struct TicketNotification: Sendable, Hashable {
    /// The event's id in the store: with the channel's name, the idempotency key of its delivery.
    public var eventID: Int64
    public var event: TicketEvent
    public var ticket: Ticket

    public init(eventID: Int64, event: TicketEvent, ticket: Ticket) {
        self.eventID = eventID
        self.event = event
        self.ticket = ticket
    }

    /// "triage-42-ops-webhook": the same on every retry, so a receiver can drop a second copy.
    public func idempotencyKey(channel: String) -> String {
        "triage-\(eventID)-\(channel)"
    }
}
