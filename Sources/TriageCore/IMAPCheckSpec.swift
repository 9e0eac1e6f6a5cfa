/// An IMAP check: log in and open `mailbox` read-only (`EXAMINE`), counting its messages, as a
/// mail client does before it shows anything.
public struct IMAPCheckSpec: Sendable, Hashable {
    public var server: MailServer
    /// The mailbox that must open; `INBOX` by default.
    public var mailbox: String

    public init(server: MailServer, mailbox: String = "INBOX") {
        self.server = server
        self.mailbox = mailbox
    }
}
