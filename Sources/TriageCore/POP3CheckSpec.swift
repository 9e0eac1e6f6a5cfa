/// A POP3 check: log in and list the messages of the mailbox (`LIST`), as a mail client does
/// before it downloads anything.
public struct POP3CheckSpec: Sendable, Hashable {
    public var server: MailServer

    public init(server: MailServer) {
        self.server = server
    }
}
