import Foundation

/// What happened to a ticket; every change is one event in its audit trail, and none is ever deleted.
public enum TicketEventKind: String, Sendable, Codable, Hashable, CaseIterable {
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
    /// An untaken ticket reached a step of the escalation policy (its `level` is the step's number, from 1).
    case escalated
    /// An untaken ticket is still waiting: a reminder of the escalation policy (its `level` counts them, from 1).
    case reminded

    /// The kinds ops are told of, in declaration order (for configuration messages).
    public static var allNotifying: [TicketEventKind] { allCases.filter(\.notifies) }

    /// Whether ops are told of it: every change of a ticket's life, but not more evidence of an
    /// open incident (repeated failures never re-alert) nor comments.
    public var notifies: Bool {
        switch self {
        case .evidence, .comment: false
        case .opened, .recovered, .resolved, .reopened, .taken, .recoded, .breached, .refused, .referred, .escalated,
            .reminded:
            true
        }
    }
}

/// One entry of a ticket's audit trail: who did what, when.
public struct TicketEvent: Sendable, Hashable {
    public var ticketID: Int64
    public var at: Date
    public var kind: TicketEventKind
    /// A person's name, or `triage` for the daemon.
    public var actor: String
    public var detail: String
    /// The escalation step or reminder number of `escalated` and `reminded` events; nil for the others.
    public var level: Int?

    public init(ticketID: Int64, at: Date, kind: TicketEventKind, actor: String, detail: String, level: Int? = nil) {
        self.ticketID = ticketID
        self.at = at
        self.kind = kind
        self.actor = actor
        self.detail = detail
        self.level = level
    }
}
