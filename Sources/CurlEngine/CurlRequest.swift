/// One header line of a request or a response, kept as a small value so requests and responses stay `Sendable`.
public struct CurlHeader: Sendable, Hashable {
    /// The header name, with the case the sender used.
    public var name: String
    /// The header value, without surrounding whitespace.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Everything one libcurl transfer needs, for any protocol the engine allows
/// (http, https, smtp, smtps, imap, imaps, pop3, pop3s).
///
/// The defaults describe a probe: a fresh connection, TLS verified, redirects followed, a bounded body.
///
/// ```swift
/// var request = CurlRequest(url: "https://acme.example/", timeout: .seconds(10))
/// request.maxBodyBytes = 256 * 1024
/// let response = try await engine.perform(request)
/// ```
public struct CurlRequest: Sendable {
    /// The URL; its scheme picks the protocol.
    public var url: String
    /// The HTTP method: "GET", "HEAD", "POST" or any other verb (sent as a custom request). Ignored by mail protocols.
    public var method: String = "GET"
    /// Extra request headers, sent in this order.
    public var headers: [CurlHeader] = []
    /// The request body: POST fields for HTTP; for the other protocols the data to upload (an SMTP message).
    public var body: [UInt8]? = nil
    /// The limit for the whole transfer, redirects included (CURLOPT_TIMEOUT_MS).
    public var timeout: Duration
    /// The limit for connecting, TLS included (CURLOPT_CONNECTTIMEOUT_MS); `nil` uses `timeout`.
    public var connectTimeout: Duration? = nil
    /// The most body bytes kept: the engine stops reading there and marks the response truncated,
    /// so a huge or endless page costs no more than this.
    public var maxBodyBytes: Int = 1 << 20
    /// False reads the whole body as a browser does, counting its bytes but keeping none (a page's
    /// assets, whose download time is what matters); `maxBodyBytes` then does not apply, and the
    /// timeout still bounds an endless body.
    public var keepBody: Bool = true
    /// Whether HTTP redirects are followed (only to http and https).
    public var followRedirects: Bool = true
    /// The most redirects followed before the transfer fails with `tooManyRedirects`.
    public var maxRedirects: Int = 5
    /// Opens a new connection and closes it afterwards (FRESH_CONNECT and FORBID_REUSE),
    /// so a probe measures what a new visitor meets rather than a warm connection.
    public var freshConnection: Bool = true
    /// Requires TLS on a plain-text mail URL (smtp, imap, pop3) through STARTTLS, failing the transfer
    /// when the server does not offer it (CURLOPT_USE_SSL = CURLUSESSL_ALL), so a login is never sent in clear.
    public var requireTLS: Bool = false
    /// Whether the peer certificate and host name are verified.
    public var verifyTLS: Bool = true
    /// A PEM file of certificate authorities trusted instead of the system store (CURLOPT_CAINFO),
    /// so a site signed by a private CA is verified without touching the machine's trust.
    public var caFile: String? = nil
    /// Only connects (TCP, and TLS for https) and closes, sending no request (CURLOPT_CONNECT_ONLY):
    /// how a TCP or certificate probe stays on the same non-blocking engine as the others.
    public var connectOnly: Bool = false
    /// Collects the server's certificate chain into `CurlResponse.certificates` (CURLOPT_CERTINFO).
    public var certificateInfo: Bool = false
    /// The login name for the protocol's authentication (HTTP basic, SMTP AUTH, IMAP/POP3 login).
    public var username: String? = nil
    /// The password that goes with `username`.
    public var password: String? = nil
    /// The SMTP envelope sender (CURLOPT_MAIL_FROM).
    public var mailFrom: String? = nil
    /// The SMTP envelope recipients (CURLOPT_MAIL_RCPT).
    public var mailRecipients: [String] = []
    /// A protocol command replacing the default one (CURLOPT_CUSTOMREQUEST), such as an IMAP `SEARCH`;
    /// it takes precedence over `method`.
    public var customRequest: String? = nil

    public init(url: String, timeout: Duration) {
        self.url = url
        self.timeout = timeout
    }
}
