import Foundation
import TriageCore

/// A check's `imap:` mapping: the server keys of ``MailServer`` (`url`, `username` and
/// `password` required) and `mailbox` (default `INBOX`).
///
/// ```yaml
/// - imap: {url: "imaps://mail.acme.example/", username: probe@acme.example, password: {env: ACME_MAIL_PASSWORD}}
/// ```
extension IMAPCheckSpec {
    static let keys = MailServer.keys + ["mailbox"]

    /// The check's spec; nil when anything is wrong (each error is recorded).
    static func decode(_ cursor: NodeCursor, site: SiteContext) -> IMAPCheckSpec? {
        guard let map = MailKinds.mapping(cursor, kind: "imap", keys: keys) else { return nil }
        return decode(map)
    }

    /// The spec from an already checked mapping; also the `imap:` of a `mail:` round trip.
    static func decode(_ map: MapCursor) -> IMAPCheckSpec? {
        let mark = map.cursor.errors.count
        let server = MailServer.decode(map, scheme: "imap", loginRequired: true)
        let mailbox = map["mailbox"]?.nonEmptyString(example: "INBOX")
        guard let server, map.cursor.errors.noneSince(mark) else { return nil }
        return IMAPCheckSpec(server: server, mailbox: mailbox ?? "INBOX")
    }
}
