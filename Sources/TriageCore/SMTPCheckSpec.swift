/// An SMTP check: the server greets, answers EHLO, accepts the login when one is given, and
/// answers `NOOP`; with `send`, it also accepts a real message (MAIL FROM, RCPT TO, DATA) instead
/// of the `NOOP`, so a server that greets but refuses mail is caught too.
public struct SMTPCheckSpec: Sendable, Hashable {
    public var server: MailServer
    /// The envelope of a probe message to submit; nil only talks to the server.
    public var send: MailEnvelope?

    public init(server: MailServer, send: MailEnvelope? = nil) {
        self.server = server
        self.send = send
    }
}
