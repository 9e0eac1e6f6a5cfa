import Foundation
import TriageCore

/// PagerDuty Events API v2: a ticket is one PagerDuty alert, keyed by `triage-ticket-<id>` so
/// every event of the ticket lands on it: opened, escalated, reminded, breached and re-coded
/// trigger it (again), taken acknowledges it, its end resolves it.
struct PagerDutyNotifier: Notifier {
    let post: HTTPPost
    let routingKey: Secret
    let url: URL
    let settings: NotifySettings

    struct Event: Encodable {
        var routing_key: String
        var event_action: String
        var dedup_key: String
        var payload: Payload?
        var links: [Link]
    }

    struct Payload: Encodable {
        var summary: String
        var source: String
        var severity: String
        var timestamp: Date
        var component: String?
        var group: String
        var `class`: String?
        var custom_details: [String: String]
    }

    struct Link: Encodable {
        var href: String
        var text: String
    }

    func send(_ notification: TicketNotification, idempotencyKey: String) async throws {
        try await post.send(try HTTPPost.json(event(for: notification)), to: url.absoluteString)
    }

    func event(for notification: TicketNotification) -> Event {
        let ticket = notification.ticket
        let action = Self.action(for: notification)
        let text = MessageText(notification)
        let payload = action == "trigger"
            ? Payload(
                summary: String(text.headline.prefix(1024)), source: ticket.targetID ?? ticket.customer,
                severity: Self.severity(of: ticket.code), timestamp: notification.event.at, component: ticket.checkID,
                group: ticket.customer, class: ticket.caseID?.rawValue,
                custom_details: ["event": text.verb, "deadline": text.deadlineLine, "detail": notification.event.detail]
            )
            : nil
        let links = settings.link(toTicket: ticket.id).map { [Link(href: $0.absoluteString, text: "Ticket #\(ticket.id)")] } ?? []
        return Event(
            routing_key: routingKey.value, event_action: action, dedup_key: "triage-ticket-\(ticket.id)",
            payload: payload, links: links
        )
    }

    /// Taken acknowledges, an ended ticket resolves, anything else (re-)triggers.
    static func action(for notification: TicketNotification) -> String {
        if !notification.ticket.status.isActive { return "resolve" }
        return notification.event.kind == .taken || notification.ticket.status == .taken ? "acknowledge" : "trigger"
    }

    static func severity(of code: TriageCode) -> String {
        switch code {
        case .red: "critical"
        case .yellow: "warning"
        case .green, .white: "info"
        }
    }
}
