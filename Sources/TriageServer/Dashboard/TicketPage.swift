import Foundation
import TriageApp
import TriageCore

/// A ticket as its dashboard page shows it: its fields, its audit trail (oldest first), and the
/// actions an ops account may take on it now.
struct TicketPage {
    struct Event {
        var at: String
        var kind: String
        var actor: String
        var detail: String
    }

    var chrome: Chrome
    var id: Int64
    var code: String
    var status: String
    var customer: String
    var site: String
    var summary: String
    var opened: String
    var deadline: String
    var deadlineISO: String
    var secondsLeft: Int
    var left: String
    var breached: Bool
    /// Whether the countdown runs: only while nobody has it in charge.
    var waiting: Bool
    var takenBy: String?
    var takenAt: String?
    var resolution: String?
    var events: [Event]
    var canTake: Bool
    var canResolve: Bool
    let causes = [Cause.provider, .customer, .thirdParty].map(\.rawValue)

    init(_ ticket: Ticket, events: [TicketEvent], visitor: Visitor, now: Date) {
        chrome = visitor.chrome
        id = ticket.id
        code = ticket.code.rawValue
        status = ticket.status.rawValue
        customer = ticket.customer
        site = ticket.targetID ?? ""
        summary = ticket.summary
        opened = TextTable.utc(ticket.openedAt)
        deadline = TextTable.utc(ticket.deadline)
        deadlineISO = ISO8601Seconds.text(ticket.deadline)
        secondsLeft = Int(ticket.deadline.timeIntervalSince(now).rounded(.down))
        left = TextTable.timeLeft(until: ticket.deadline, now: now)
        waiting = ticket.status == .open
        breached = waiting && secondsLeft < 0
        takenBy = ticket.takenBy
        takenAt = ticket.takenAt.map(TextTable.utc)
        resolution = ticket.resolution
        self.events = events.map { Event(at: TextTable.utc($0.at), kind: $0.kind.rawValue, actor: $0.actor, detail: $0.detail) }
        let ops = visitor.account.role >= .ops
        canTake = ops && ticket.status == .open
        canResolve = ops && ticket.status.isActive
    }
}
