import Foundation

/// A mail server a check talks to: its URL (`smtp://`, `smtps://`, `imap://`, `imaps://`, `pop3://`,
/// `pop3s://`; the `s` schemes speak TLS from the first byte), the login, and how TLS is checked.
public struct MailServer: Sendable, Hashable {
    /// The server's URL; only the scheme, host and port are used.
    public var url: URL
    /// The account to log in with; nil talks to the server without logging in (SMTP only).
    public var login: MailLogin?
    /// On a plain-text scheme, upgrade with STARTTLS and fail when the server does not offer it, so
    /// a login never crosses the network in clear. The `s` schemes use TLS anyway.
    public var startTLS: Bool
    /// Verify the server's certificate and host name.
    public var verifyTLS: Bool
    /// A PEM file of the certificate authorities to trust instead of the system's; nil trusts the system store.
    public var caFile: String?

    public init(url: URL, login: MailLogin? = nil, startTLS: Bool = false, verifyTLS: Bool = true, caFile: String? = nil) {
        self.url = url
        self.login = login
        self.startTLS = startTLS
        self.verifyTLS = verifyTLS
        self.caFile = caFile
    }

    /// The host that politeness limits count against.
    public var host: String { url.host ?? "" }

    /// `smtp://mail.example.com:587`: the server without path, for URLs a probe builds and for reasons.
    public var address: String {
        let port = url.port.map { ":\($0)" } ?? ""
        return "\(url.scheme?.lowercased() ?? "")://\(host)\(port)"
    }
}
