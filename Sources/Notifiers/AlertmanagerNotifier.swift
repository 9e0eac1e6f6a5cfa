import Foundation
import TriageCore

/// Alertmanager's `POST /api/v2/alerts`: a ticket is one alert (`alertname="TriageTicket"`,
/// labelled with its id, code, customer, site, check and case), firing while the ticket is
/// active and sent with `endsAt` once it ended, so Alertmanager's own routing, grouping and
/// silences apply to Triage's tickets like to any other alert.
struct AlertmanagerNotifier: Notifier {
    let post: HTTPPost
    let url: URL
    let settings: NotifySettings

    struct Alert: Encodable {
        var labels: [String: String]
        var annotations: [String: String]
        var startsAt: Date
        var endsAt: Date?
        var generatorURL: String?
    }

    func send(_ notification: TicketNotification, idempotencyKey: String) async throws {
        let endpoint = url.appendingPathComponent("api/v2/alerts").absoluteString
        try await post.send(try HTTPPost.json([alert(for: notification)]), to: endpoint)
    }

    func alert(for notification: TicketNotification) -> Alert {
        let ticket = notification.ticket
        let text = MessageText(notification)
        var labels = ["alertname": "TriageTicket", "ticket": String(ticket.id), "code": ticket.code.rawValue, "customer": ticket.customer]
        labels["target"] = ticket.targetID
        labels["check"] = ticket.checkID
        labels["case"] = ticket.caseID?.rawValue
        return Alert(
            labels: labels,
            annotations: ["summary": ticket.summary, "event": text.verb, "deadline": text.deadlineLine],
            startsAt: ticket.openedAt, endsAt: ticket.status.isActive ? nil : (ticket.resolvedAt ?? notification.event.at),
            generatorURL: settings.link(toTicket: ticket.id)?.absoluteString
        )
    }
}
