/// A mail round trip: send a uniquely tagged message over SMTP, then search the recipient's
/// mailbox over IMAP until it arrives, measure the delivery time and delete the message.
///
/// It proves what the customer cares about (mail sent is mail received), which the SMTP and
/// IMAP checks alone cannot: a queue stuck between them shows here only. The whole round trip
/// must end within the check's timeout; a message not found by then was not delivered.
public struct MailCheckSpec: Sendable, Hashable {
    /// Where the message is submitted.
    public var smtp: MailServer
    /// Where the recipient's mailbox is read; it needs a login.
    public var imap: MailServer
    /// The mailbox the message is delivered to.
    public var mailbox: String
    /// The message's envelope; its recipient's mailbox is the one `imap` reads.
    public var envelope: MailEnvelope
    /// A delivery slower than this is degraded (YELLOW), not down.
    public var warnAfter: Duration
    /// Time between two searches of the mailbox.
    public var pollEvery: Duration

    public init(
        smtp: MailServer, imap: MailServer, mailbox: String = "INBOX", envelope: MailEnvelope,
        warnAfter: Duration = .seconds(60), pollEvery: Duration = .seconds(2)
    ) {
        self.smtp = smtp
        self.imap = imap
        self.mailbox = mailbox
        self.envelope = envelope
        self.warnAfter = warnAfter
        self.pollEvery = pollEvery
    }
}
