/// Cumulative phase timings of one transfer, in seconds from its start, as libcurl measures them.
///
/// Each value includes the phases before it (`connect` includes `nameLookup`), so the gap between two
/// values is the cost of one phase: `appConnect - connect` is the TLS handshake, `startTransfer - appConnect`
/// (or `- connect` without TLS) is the server's think time.
public struct CurlTimings: Sendable, Hashable {
    /// Until the name was resolved.
    public var nameLookup: Double
    /// Until the TCP connection was established.
    public var connect: Double
    /// Until the TLS handshake was done; 0 without TLS.
    public var appConnect: Double
    /// Until the first response byte arrived.
    public var startTransfer: Double
    /// The whole transfer.
    public var total: Double
    /// Time spent in redirects before the final request.
    public var redirect: Double

    public init(
        nameLookup: Double = 0, connect: Double = 0, appConnect: Double = 0,
        startTransfer: Double = 0, total: Double = 0, redirect: Double = 0
    ) {
        self.nameLookup = nameLookup
        self.connect = connect
        self.appConnect = appConnect
        self.startTransfer = startTransfer
        self.total = total
        self.redirect = redirect
    }
}

/// The outcome of one transfer: what the server answered, as far as it got, and why it stopped if it failed.
///
/// A failed transfer still carries whatever was received (status, headers, timings), because a probe
/// reports both the reason and the evidence.
public struct CurlResponse: Sendable {
    /// The HTTP status, or the SMTP/IMAP/POP3 reply code; 0 when no reply came.
    public var statusCode: Int
    /// The headers of the last response (after redirects), names as sent.
    public var headers: [CurlHeader]
    /// At most `maxBodyBytes` of the body.
    public var body: [UInt8]
    /// The server sent more than `maxBodyBytes` and the engine stopped reading: not an error.
    public var bodyTruncated: Bool
    /// Body bytes received, kept or not (with `keepBody` false, the whole body's size).
    public var bodyBytesReceived: Int
    /// Why the transfer failed; `nil` when it completed.
    public var error: CurlTransferError?
    /// Phase timings.
    public var timings: CurlTimings
    /// The URL of the last request, after redirects.
    public var effectiveURL: String?
    /// How many redirects were followed.
    public var redirectCount: Int
    /// The IP address of the last connection.
    public var primaryIP: String?
    /// The server's certificate chain, leaf first, each as libcurl's `Name:value` fields
    /// (`Subject`, `Expire date`, ...); empty unless `CurlRequest.certificateInfo` was set and a
    /// TLS handshake completed.
    public var certificates: [[String]]
    /// The reply lines of a mail server (SMTP, IMAP, POP3), oldest first, without line ends: the last
    /// ``Transfer/maxServerReplies`` of them, so a failure's reason can quote what the server said
    /// (`550 5.1.1 <x@example.test>: Recipient address rejected`). Empty for HTTP.
    public var serverReplies: [String]

    public init(
        statusCode: Int = 0, headers: [CurlHeader] = [], body: [UInt8] = [], bodyTruncated: Bool = false,
        bodyBytesReceived: Int? = nil, error: CurlTransferError? = nil, timings: CurlTimings = CurlTimings(), effectiveURL: String? = nil,
        redirectCount: Int = 0, primaryIP: String? = nil, certificates: [[String]] = [], serverReplies: [String] = []
    ) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
        self.bodyBytesReceived = bodyBytesReceived ?? body.count
        self.error = error
        self.timings = timings
        self.effectiveURL = effectiveURL
        self.redirectCount = redirectCount
        self.primaryIP = primaryIP
        self.certificates = certificates
        self.serverReplies = serverReplies
    }

    /// The value of the last header called `name`, compared without case, as HTTP header names are.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.last { $0.name.lowercased() == wanted }?.value
    }
}
