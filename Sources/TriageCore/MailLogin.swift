/// An account on a mail server: the login name and its password.
public struct MailLogin: Sendable, Hashable {
    public var username: String
    public var password: Secret

    public init(username: String, password: Secret) {
        self.username = username
        self.password = password
    }
}
