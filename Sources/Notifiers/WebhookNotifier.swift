import Crypto
import CurlEngine
import Foundation
import TriageCore

/// The generic JSON webhook: POSTs ``NotificationPayload`` with an `Idempotency-Key` header and,
/// when the channel has a signing key, `X-Triage-Signature: sha256=<hex HMAC-SHA256 of the body>`,
/// so the receiver can check that the message comes from Triage and was not altered.
struct WebhookNotifier: Notifier {
    let post: HTTPPost
    let url: Secret
    let signingKey: Secret?
    let settings: NotifySettings
    let clock: any TriageClock

    func send(_ notification: TicketNotification, idempotencyKey: String) async throws {
        let payload = NotificationPayload(
            notification: notification, link: settings.link(toTicket: notification.ticket.id), now: clock.now
        )
        let body = try HTTPPost.json(payload)
        var headers = [CurlHeader(name: "Idempotency-Key", value: idempotencyKey)]
        if let signingKey {
            headers.append(CurlHeader(name: "X-Triage-Signature", value: "sha256=" + Self.signature(of: body, key: signingKey)))
        }
        try await post.send(body, to: url.value, headers: headers)
    }

    /// The lowercase hex HMAC-SHA256 of `body` under `key`.
    static func signature(of body: [UInt8], key: Secret) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(key.value.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }
}
