import Foundation
import TriageCore

/// A check's `smtp:` mapping: the server keys of ``MailServer`` (`url` required; a login is
/// optional) and `send:` to submit a real probe message.
///
/// ```yaml
/// - smtp: {url: "smtp://mail.acme.example:587/", starttls: true}
/// - smtp:
///     url: smtps://mail.acme.example/
///     username: probe@acme.example
///     password: {env: ACME_MAIL_PASSWORD}
///     send: {from: probe@acme.example, to: sink@acme.example}
/// ```
extension SMTPCheckSpec {
    static let keys = MailServer.keys + ["send"]

    /// The check's spec; nil when anything is wrong (each error is recorded).
    static func decode(_ cursor: NodeCursor, site: SiteContext) -> SMTPCheckSpec? {
        guard let map = MailKinds.mapping(cursor, kind: "smtp", keys: keys) else { return nil }
        let mark = cursor.errors.count
        let server = MailServer.decode(map, scheme: "smtp", loginRequired: false)
        let send = map["send"].flatMap(MailEnvelope.decode)
        guard let server, cursor.errors.noneSince(mark) else { return nil }
        return SMTPCheckSpec(server: server, send: send)
    }
}
