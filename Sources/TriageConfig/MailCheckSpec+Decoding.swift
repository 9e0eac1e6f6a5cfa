import Foundation
import TriageCore

/// A check's `mail:` mapping, a round trip: `smtp:` (server keys) where the message is sent,
/// `imap:` (server keys and `mailbox`) where it must arrive, `to:` the recipient whose mailbox
/// that is, `from:` (default: `to`), `warnAfter` (default 60s) and `pollEvery` (default 2s). The
/// round trip ends at the check's timeout, which must be longer than `warnAfter`.
///
/// ```yaml
/// - mail:
///     smtp: {url: "smtp://mail.acme.example:587/", starttls: true, username: probe@acme.example, password: {env: ACME_MAIL_PASSWORD}}
///     imap: {url: "imaps://mail.acme.example/", username: probe@acme.example, password: {env: ACME_MAIL_PASSWORD}}
///     to: probe@acme.example
///   timeout: 120s
/// ```
extension MailCheckSpec {
    static let keys = ["smtp", "imap", "from", "to", "warnAfter", "pollEvery"]

    /// The check's spec; nil when anything is wrong (each error is recorded).
    static func decode(_ cursor: NodeCursor, site: SiteContext) -> MailCheckSpec? {
        guard let map = MailKinds.mapping(cursor, kind: "mail", keys: keys) else { return nil }
        let mark = cursor.errors.count
        let smtp = map.required("smtp", example: "{url: \"smtp://mail.example.com:587/\"}")?
            .mapping(allowedKeys: MailServer.keys)
            .flatMap { MailServer.decode($0, scheme: "smtp", loginRequired: false) }
        let imap = map.required("imap", example: "{url: \"imap://mail.example.com/\", username: ..., password: ...}")?
            .mapping(allowedKeys: IMAPCheckSpec.keys)
            .flatMap { IMAPCheckSpec.decode($0) }
        let to = map.required("to", example: "probe@example.com")?.mailAddress()
        let from = map["from"]?.mailAddress()
        let warnAfter = map["warnAfter"]?.duration(atLeast: .seconds(1), atMost: .seconds(3600))
        let pollEvery = map["pollEvery"]?.duration(atLeast: .seconds(1), atMost: .seconds(60))
        guard let smtp, let imap, let to, cursor.errors.noneSince(mark) else { return nil }
        var spec = MailCheckSpec(
            smtp: smtp, imap: imap.server, mailbox: imap.mailbox, envelope: MailEnvelope(from: from ?? to, to: [to])
        )
        spec.warnAfter = warnAfter ?? spec.warnAfter
        spec.pollEvery = pollEvery ?? spec.pollEvery
        return spec
    }
}
