import Foundation
import TriageApp
import TriageCore

/// The work queue as the dashboard shows it: one page of open tickets in ``WorkQueue`` order,
/// each with its deadline for the countdown script (`<time class="countdown" datetime=...
/// data-left=...>`: seconds left as the server counted them, so a browser whose clock is off
/// still counts down right).
struct QueuePage {
    struct Row {
        var id: Int64
        var code: String
        var customer: String
        var site: String
        var summary: String
        var deadline: String
        var deadlineISO: String
        var secondsLeft: Int
        var left: String
        var breached: Bool

        init(_ entry: WorkQueue.Entry, now: Date) {
            let ticket = entry.ticket
            id = ticket.id
            code = ticket.code.rawValue
            customer = ticket.customer
            site = ticket.targetID ?? ""
            summary = ticket.summary
            deadline = TextTable.utc(ticket.deadline)
            deadlineISO = ISO8601Seconds.text(ticket.deadline)
            secondsLeft = entry.secondsLeft
            left = TextTable.timeLeft(until: ticket.deadline, now: now)
            breached = entry.secondsLeft < 0
        }
    }

    var chrome: Chrome
    var rows: [Row]
    var paging: Paging
    var code: String
    var customer: String
    var codes: [FilterOption]
}

/// A choice of a filter's `<select>`, marked when in force.
struct FilterOption {
    var value: String
    var selected: Bool
}
