import Foundation

/// What happened to a ticket; every change is one event in its audit trail, and none is ever deleted.
public enum TicketEventKind: String, Sendable, Codable, Hashable {
    case opened
    /// More evidence of an open incident's fault (a later failing probe).
    case evidence
    /// The fault stopped on its own (automatic incidents).
    case recovered
    case resolved
    /// A resolved automatic incident whose fault came back within the cool-down.
    case reopened
    case taken
    case comment
    case recoded
    case breached
    case refused
    case referred
}

/// One entry of a ticket's audit trail: who did what, when.
public struct TicketEvent: Sendable, Hashable {
    public var ticketID: Int64
    public var at: Date
    public var kind: TicketEventKind
    /// A person's name, or `triage` for the daemon.
    public var actor: String
    public var detail: String

    public init(ticketID: Int64, at: Date, kind: TicketEventKind, actor: String, detail: String) {
        self.ticketID = ticketID
        self.at = at
        self.kind = kind
        self.actor = actor
        self.detail = detail
    }
}
