import Foundation
import TriageCore

/// The ticket gauges of one scrape, from the active tickets: how many per code, and how many of
/// them nobody took before their deadline.
struct TicketCounts {
    var open: [TriageCode: Int] = [:]
    var pastDeadline: [TriageCode: Int] = [:]

    init(active: [Ticket], at now: Date) {
        for ticket in active where ticket.status.isActive {
            open[ticket.code, default: 0] += 1
            if ticket.status == .open, ticket.deadline <= now {
                pastDeadline[ticket.code, default: 0] += 1
            }
        }
    }
}
