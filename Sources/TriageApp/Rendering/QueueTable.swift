import Foundation
import TriageCore

/// The work queue for a terminal: what to take in charge now, most urgent first, with the time
/// left (or overdue), then the deferred tickets still waiting for their window.
public struct QueueTable: Renderer {
    public let now: Date

    public init(now: Date) {
        self.now = now
    }

    public func render(_ subject: (queue: [WorkQueue.Entry], waiting: [Ticket])) -> String {
        var text = subject.queue.isEmpty ? "Nothing to take in charge." : TextTable.render(
            header: ["#", "ID", "CODE", "CUSTOMER", "CASE", "DEADLINE (UTC)", "TIME LEFT", "SUMMARY"],
            rows: subject.queue.enumerated().map { position, entry in
                let ticket = entry.ticket
                return [
                    "\(position + 1)", "\(ticket.id)", ticket.code.rawValue, ticket.customer, ticket.caseID?.rawValue ?? "-",
                    TextTable.utc(ticket.deadline), TextTable.timeLeft(until: ticket.deadline, now: now), ticket.summary,
                ]
            }
        )
        if let next = subject.waiting.first, let opens = next.notBefore {
            let count = subject.waiting.count
            text += "\n\n\(count) deferred ticket\(count == 1 ? "" : "s") wait\(count == 1 ? "s" : "") for its window;"
                + " the next (\(next.id), \(next.code.rawValue)) opens \(TextTable.utc(opens)), in \(TextTable.span(Int(opens.timeIntervalSince(now))))."
        }
        return text
    }
}

/// A queue entry as JSON: the ticket, its place, and the seconds left (negative when overdue).
public struct QueueEntryJSON: Encodable, Sendable {
    public var position: Int
    public var secondsLeft: Int
    public var ticket: TicketJSON

    public init(position: Int, entry: WorkQueue.Entry, now: Date) {
        self.position = position
        secondsLeft = entry.secondsLeft
        ticket = TicketJSON(entry.ticket, now: now)
    }
}
