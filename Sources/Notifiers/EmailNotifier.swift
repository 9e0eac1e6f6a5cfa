import CurlEngine
import Foundation
import Probes
import TriageCore

/// E-mail over SMTP through the shared ``CurlEngine`` (the server, login and TLS settings of the
/// smtp probe). Every message of a ticket is one thread in a mail client: the `opened` event's
/// message has the ticket's own Message-ID, and every later one refers to it (`In-Reply-To`,
/// `References`), so the on-call's inbox shows one conversation per incident.
struct EmailNotifier: Notifier {
    let engine: CurlEngine
    let channel: String
    let server: MailServer
    let from: String
    let to: [String]
    let timeout: Duration
    let settings: NotifySettings
    let clock: any TriageClock

    func send(_ notification: TicketNotification, idempotencyKey: String) async throws {
        var request = server.request(timeout: timeout)
        request.mailFrom = "<\(from)>"
        request.mailRecipients = to.map { "<\($0)>" }
        request.body = Array(message(for: notification, idempotencyKey: idempotencyKey).utf8)
        let response = try await engine.perform(request)
        if let error = response.error {
            let reply = response.serverReplies.last.map { ": \($0)" } ?? ""
            throw DeliveryFailure(channel: channel, message: "\(error.kind): \(error.message)\(reply)")
        }
    }

    /// The message as uploaded: headers and a plain-text body, with CRLF line ends.
    func message(for notification: TicketNotification, idempotencyKey: String) -> String {
        let text = MessageText(notification)
        let ticket = notification.ticket
        let thread = messageID("ticket-\(ticket.id)")
        var headers = [
            "From: <\(from)>",
            "To: " + to.map { "<\($0)>" }.joined(separator: ", "),
            "Subject: " + Self.encodedWord(text.headline),
            "Date: " + Self.rfc5322(clock.now),
            "Message-ID: " + (notification.event.kind == .opened ? thread : messageID("event-\(notification.eventID)")),
            "X-Triage-Idempotency-Key: \(idempotencyKey)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        if notification.event.kind != .opened {
            headers += ["In-Reply-To: \(thread)", "References: \(thread)"]
        }
        var body = [text.headline, "", text.deadlineLine, "customer: \(ticket.customer)"]
        if let target = ticket.targetID { body.append("site: \(target)") }
        if let check = ticket.checkID { body.append("check: \(check)") }
        if !notification.event.detail.isEmpty { body.append("detail: \(notification.event.detail)") }
        if let link = settings.link(toTicket: ticket.id) { body += ["", link.absoluteString] }
        // A line of a lone dot would end the message early in SMTP's DATA phase.
        let lines = (headers + [""] + body).map { $0 == "." ? ".." : $0 }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `<triage-ticket-7@example.net>`, on the sender's domain so ids never collide with another system's.
    private func messageID(_ local: String) -> String {
        let domain = from.split(separator: "@").last.map(String.init) ?? "triage.invalid"
        return "<triage-\(local)@\(domain)>"
    }

    /// The subject as an RFC 2047 encoded word when it is not plain ASCII (a customer's name with accents).
    static func encodedWord(_ text: String) -> String {
        guard !text.allSatisfy(\.isASCII) else { return text }
        return "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    /// `Thu, 26 Nov 2026 17:23:30 +0000`.
    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
