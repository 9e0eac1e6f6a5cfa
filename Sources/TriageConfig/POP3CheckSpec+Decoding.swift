import Foundation
import TriageCore

/// A check's `pop3:` mapping: the server keys of ``MailServer`` (`url`, `username` and
/// `password` required).
///
/// ```yaml
/// - pop3: {url: "pop3://mail.acme.example/", starttls: true, username: probe@acme.example, password: {env: ACME_MAIL_PASSWORD}}
/// ```
extension POP3CheckSpec {
    /// The check's spec; nil when anything is wrong (each error is recorded).
    static func decode(_ cursor: NodeCursor, site: SiteContext) -> POP3CheckSpec? {
        guard let map = MailKinds.mapping(cursor, kind: "pop3", keys: MailServer.keys) else { return nil }
        return MailServer.decode(map, scheme: "pop3", loginRequired: true).map(POP3CheckSpec.init)
    }
}
