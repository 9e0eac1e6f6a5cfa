import Foundation

/// How a probe ended, in the three states a person reads on a status board.
public enum ProbeOutcome: String, Sendable, Codable, Hashable {
    /// Answered as expected.
    case up
    /// Answered, but not as it should (for example slower than the threshold): still online.
    case degraded
    /// Did not answer as expected: unreachable, error status, wrong content, timeout.
    case down
}

/// Why a probe failed, as a closed set that detection and reports can group by.
public enum FailureClass: String, Sendable, Codable, Hashable {
    case dnsFailure = "dns"
    case connectionRefused = "refused"
    case connectFailure = "connect"
    case tlsFailure = "tls"
    case timeout
    case connectionReset = "reset"
    case emptyReply = "empty-reply"
    case tooManyRedirects = "redirects"
    case unexpectedStatus = "status"
    case serverError = "5xx"
    case contentMismatch = "content"
    /// The page answers but a required marker is missing or a forbidden pattern shows: defaced.
    case defaced
    // Cache checks (edge vs origin): where the fault is.
    /// The edge serves a copy older than allowed that differs from the origin (`degraded`: still online).
    case staleContent = "stale"
    /// The edge (the cache) fails while the origin answers: visitors see the outage.
    case cacheDown = "cache-down"
    /// The origin fails while the edge still serves its copies: hidden from visitors until they expire.
    case originDown = "origin-down"
    /// Neither the edge nor the origin answers.
    case cacheAndOriginDown = "cache-origin-down"
    case protocolError = "protocol"
    /// The network or the host is unreachable (no route): not a server refusing, a path missing.
    case unreachable
    /// A mail server refused the login (wrong user or password, no such mechanism).
    case authRejected = "auth"
    /// A mail server refused the sender, a recipient or the message, with a 4xx or 5xx reply.
    case mailRejected = "rejected"
    /// A mail round trip's message was accepted but had not arrived when the check's time was up.
    case notDelivered = "not-delivered"
    case internalError = "internal"
}

/// Time spent in each phase of a probe, in seconds from its start (libcurl's cumulative timings).
public struct PhaseTimings: Sendable, Hashable, Codable {
    public var dns: Double
    public var connect: Double
    public var tls: Double
    public var firstByte: Double
    public var total: Double

    public init(dns: Double = 0, connect: Double = 0, tls: Double = 0, firstByte: Double = 0, total: Double = 0) {
        self.dns = dns
        self.connect = connect
        self.tls = tls
        self.firstByte = firstByte
        self.total = total
    }
}

/// The typed result of one probe: never a bare `Bool`, always with its reason in words.
public struct ProbeResult: Sendable, Hashable {
    public var checkID: String
    public var startedAt: Date
    public var outcome: ProbeOutcome
    /// Set when the outcome is not `up`.
    public var failure: FailureClass?
    /// What happened, for a person: "HTTP 502 Bad Gateway", "connection refused", "timed out after 30 s".
    public var reason: String
    /// The protocol's status code when there was one (HTTP status, SMTP reply code).
    public var statusCode: Int?
    public var timings: PhaseTimings
    /// Body bytes read (at most the check's cap).
    public var bytesRead: Int
    /// When the server's certificate expires, for the checks that read it (TLS); detection
    /// raises an expiring certificate from it.
    public var certificateExpiresAt: Date?

    public init(
        checkID: String, startedAt: Date, outcome: ProbeOutcome, failure: FailureClass? = nil, reason: String,
        statusCode: Int? = nil, timings: PhaseTimings = PhaseTimings(), bytesRead: Int = 0,
        certificateExpiresAt: Date? = nil
    ) {
        self.checkID = checkID
        self.startedAt = startedAt
        self.outcome = outcome
        self.failure = failure
        self.reason = reason
        self.statusCode = statusCode
        self.timings = timings
        self.bytesRead = bytesRead
        self.certificateExpiresAt = certificateExpiresAt
    }

    /// Whether the server answered with a 5xx status.
    public var isServerError: Bool { (500..<600).contains(statusCode ?? 0) }
}

extension ProbeResult: Encodable {
    enum CodingKeys: String, CodingKey { case check, startedAt, outcome, failure, reason, statusCode, timings, bytesRead, certificateExpiresAt }

    /// The JSON of `triage check --format json`: every key present, null when unset, so scripts never meet a missing key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(checkID, forKey: .check)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(failure, forKey: .failure)
        try container.encode(reason, forKey: .reason)
        try container.encode(statusCode, forKey: .statusCode)
        try container.encode(timings, forKey: .timings)
        try container.encode(bytesRead, forKey: .bytesRead)
        try container.encode(certificateExpiresAt, forKey: .certificateExpiresAt)
    }
}
