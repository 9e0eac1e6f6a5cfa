import CurlEngine
import Foundation
import TriageCore

/// A Slack incoming webhook: one attachment per event, coloured by code, with the site, the
/// reason, the deadline and the link, readable on a phone's lock screen.
struct SlackNotifier: Notifier {
    let post: HTTPPost
    let url: Secret
    let settings: NotifySettings

    struct Message: Encodable {
        var text: String
        var attachments: [Attachment]
    }

    struct Attachment: Encodable {
        var color: String
        var title: String
        var title_link: String?
        var text: String
        var fields: [Field]
    }

    struct Field: Encodable {
        var title: String
        var value: String
        var short: Bool
    }

    func send(_ notification: TicketNotification, idempotencyKey: String) async throws {
        try await post.send(try HTTPPost.json(message(for: notification)), to: url.value)
    }

    func message(for notification: TicketNotification) -> Message {
        let text = MessageText(notification)
        let ticket = notification.ticket
        var fields = [Field(title: "Customer", value: ticket.customer, short: true)]
        if let target = ticket.targetID { fields.append(Field(title: "Site", value: target, short: true)) }
        fields.append(Field(title: "Deadline", value: text.deadlineLine, short: false))
        if !notification.event.detail.isEmpty { fields.append(Field(title: "Detail", value: notification.event.detail, short: false)) }
        return Message(
            text: text.headline,
            attachments: [
                Attachment(
                    color: Self.colour(of: ticket.code), title: "#\(ticket.id) \(ticket.summary)",
                    title_link: settings.link(toTicket: ticket.id)?.absoluteString, text: text.verb, fields: fields
                )
            ]
        )
    }

    /// The code's colour, as people read the policy's table.
    static func colour(of code: TriageCode) -> String {
        switch code {
        case .red: "#d32f2f"
        case .yellow: "#f9a825"
        case .green: "#388e3c"
        case .white: "#bdbdbd"
        }
    }
}
