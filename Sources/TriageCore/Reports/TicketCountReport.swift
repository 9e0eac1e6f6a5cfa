import Foundation

/// The tickets opened in a period, counted by code, case and source, with how long they stayed
/// open, and the RED ones listed with their timeline: what happened, for a customer's review.
public struct TicketCountReport: Sendable, Hashable, Encodable {
    public struct Group: Sendable, Hashable, Encodable {
        public var code: TriageCode
        public var caseID: CaseID?
        /// `probe`, `manual` or `inbound`.
        public var source: TicketSource
        public var tickets: Int
        /// Those still open or taken at the report's `now`.
        public var active: Int
        /// From opening to the end, for the ended ones.
        public var duration: TimeStats?
    }

    /// One step of a RED ticket's audit trail: what happened, when, and who did it.
    public struct Step: Sendable, Hashable, Encodable {
        public var at: Date
        public var kind: TicketEventKind
        public var actor: String
        public var detail: String
    }

    /// A RED ticket with its milestones, and its whole audit trail when the caller gave it.
    public struct RedTicket: Sendable, Hashable, Encodable {
        public var id: Int64
        public var customer: String
        public var summary: String
        public var openedAt: Date
        public var takenAt: Date?
        public var takenBy: String?
        public var resolvedAt: Date?
        public var outcome: DeadlineOutcome
        /// Oldest first; empty when the caller gave no events.
        public var timeline: [Step]
    }

    public var from: Date
    public var to: Date
    /// Sorted by code (RED first), then case, then source.
    public var groups: [Group]
    /// Oldest first.
    public var red: [RedTicket]

    /// - Parameter events: the audit trails of (at least) the period's RED tickets, by ticket id
    ///   (see `redTicketIDs`), for their timelines.
    public init(tickets: [Ticket], events: [Int64: [TicketEvent]] = [:], from: Date, to: Date, now: Date) {
        self.from = from
        self.to = to
        let inPeriod = tickets.filter { from <= $0.openedAt && $0.openedAt < to }
        let grouped = Dictionary(grouping: inPeriod) { GroupKey(code: $0.code, caseID: $0.caseID?.rawValue ?? "", source: $0.source) }
        groups = grouped.sorted { $0.key < $1.key }.map { key, tickets in
            Group(
                code: key.code, caseID: key.caseID.isEmpty ? nil : CaseID(rawValue: key.caseID), source: key.source,
                tickets: tickets.count, active: tickets.filter(\.status.isActive).count,
                duration: TimeStats(tickets.compactMap { ticket in ticket.resolvedAt.map { $0.timeIntervalSince(ticket.openedAt) } })
            )
        }
        red = inPeriod.filter { $0.code == .red }.sorted { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }.map { ticket in
            RedTicket(
                id: ticket.id, customer: ticket.customer, summary: ticket.summary, openedAt: ticket.openedAt, takenAt: ticket.takenAt,
                takenBy: ticket.takenBy, resolvedAt: ticket.resolvedAt, outcome: ticket.outcome(at: now),
                timeline: events[ticket.id, default: []].map { Step(at: $0.at, kind: $0.kind, actor: $0.actor, detail: $0.detail) }
            )
        }
    }

    /// The ids of the RED tickets opened in `[from, to)`: whose events the report's timelines need.
    public static func redTicketIDs(of tickets: [Ticket], from: Date, to: Date) -> [Int64] {
        tickets.filter { $0.code == .red && from <= $0.openedAt && $0.openedAt < to }.map(\.id)
    }

    private struct GroupKey: Hashable, Comparable {
        var code: TriageCode
        var caseID: String
        var source: TicketSource

        static func < (lhs: GroupKey, rhs: GroupKey) -> Bool {
            let order = TriageCode.allCases
            let left = (order.firstIndex(of: lhs.code) ?? 0, lhs.caseID, lhs.source.rawValue)
            let right = (order.firstIndex(of: rhs.code) ?? 0, rhs.caseID, rhs.source.rawValue)
            return left < right
        }
    }
}
