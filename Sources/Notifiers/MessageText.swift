import Foundation
import TriageCore

/// The words of a notification for people, shared by every channel that shows text, so a page on
/// the phone, a Slack line and a mail subject say the same thing.
struct MessageText {
    let notification: TicketNotification

    init(_ notification: TicketNotification) {
        self.notification = notification
    }

    private var ticket: Ticket { notification.ticket }
    private var event: TicketEvent { notification.event }

    /// "RED #7 opened: acme/www/http: site down or not visible: connection refused".
    var headline: String {
        "\(ticket.code.rawValue) #\(ticket.id) \(verb): \(ticket.summary)"
    }

    /// What happened, as a past participle: "opened", "taken in charge by ana", "escalated (step 2)".
    var verb: String {
        switch event.kind {
        case .taken: "taken in charge by \(event.actor)"
        case .breached: "deadline breached"
        case .escalated: "escalated (step \(event.level ?? 0))"
        case .reminded: "still waiting (reminder \(event.level ?? 0))"
        case .recoded: "re-coded by \(event.actor)"
        case .resolved: event.actor == "triage" ? "resolved (recovered)" : "resolved by \(event.actor)"
        default: event.kind.rawValue
        }
    }

    /// "take in charge by 17:38 UTC" for an open ticket, or who holds it.
    var deadlineLine: String {
        if let takenBy = ticket.takenBy { return "in charge: \(takenBy)" }
        guard ticket.status.isActive else { return "status: \(ticket.status.rawValue)" }
        return "take in charge by \(ticket.deadline.formatted(.iso8601))"
    }
}
